package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.SectionKey;

import java.util.List;

/**
 * A page of a section's history, newest first.
 *
 * @param nextBefore   pass it as {@code before} for the next (older) page; 0 when there is none
 * @param filedVersion the section's version when the letter was last filed, or -1 when it never was
 */
public record HistoryPage(SectionKey key, long currentVersion, List<HistorySession> sessions, long nextBefore,
                          long filedVersion) {

    public boolean hasMore() {
        return nextBefore > 0;
    }
}
