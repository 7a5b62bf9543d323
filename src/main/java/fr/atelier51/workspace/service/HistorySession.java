package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.NamedVersion;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a section's history: consecutive changes by the same person, of the same kind, with no pause longer
 * than {@link SectionHistoryService#SESSION_GAP}. It turns version {@code fromVersion - 1} into {@code toVersion}.
 *
 * @param afterFiling whether it came after the letter was filed ("modifications après dépôt")
 * @param named       the named versions of the letter that this entry ends (their version of this section)
 */
public record HistorySession(long fromVersion, long toVersion, long authorId, String authorName, ChangeKind kind,
                             Instant start, Instant end, int changes, int inserted, int deleted, boolean afterFiling,
                             List<NamedVersion> named) {

    /** Characters added minus characters removed. */
    public int sizeDelta() {
        return inserted - deleted;
    }
}
