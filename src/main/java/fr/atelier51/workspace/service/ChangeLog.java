package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.ChangeKind;

import java.util.List;

/** Where accepted changes go before anyone is told they happened (the database, or memory in tests). */
public interface ChangeLog {

    /**
     * Persists the section's new text as {@code version}; must be durable when it returns. {@code ops} turn the
     * previous version's text into {@code text}.
     */
    void record(long sectionId, long version, String text, List<Object> ops, long authorId, ChangeKind kind);

    /** One accepted change of a section, as {@link #record} takes it. */
    record Change(long version, String text, List<Object> ops, long authorId, ChangeKind kind) {
    }

    /**
     * Persists consecutive changes of one section, all or none, durable when it returns (group commit: the changes
     * accepted while the previous write was running go in one transaction).
     */
    default void recordAll(long sectionId, List<Change> changes) {
        for (Change c : changes) {
            record(sectionId, c.version(), c.text(), c.ops(), c.authorId(), c.kind());
        }
    }

    /** Writes a section's whole text at {@code version} (it is leaving memory): later loads replay nothing. */
    default void saveBody(long sectionId, String text, long version) {
    }
}
