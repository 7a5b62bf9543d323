package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.ChangeKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Persists accepted changes: the change rows and the section's version in one committed transaction, before the sync
 * engine acknowledges anything. Plain JDBC: this is the hot path of every keystroke batch. The section's whole text
 * is written with the snapshot versions (every 50) and when the section leaves memory; in between, the change rows
 * after {@code body_version} bring it up to date (see {@code LetterService.currentText}).
 */
@Component
class JdbcChangeLog implements ChangeLog {

    static final int SNAPSHOT_EVERY = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    JdbcChangeLog(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public void record(long sectionId, long version, String text, List<Object> ops, long authorId, ChangeKind kind) {
        recordAll(sectionId, List.of(new Change(version, text, ops, authorId, kind)));
    }

    @Override
    public void recordAll(long sectionId, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Change c : changes) {
            String snapshot = isSnapshot(c.version()) ? c.text() : null;
            rows.add(new Object[]{sectionId, c.version(), json.writeValueAsString(c.ops()), snapshot, c.authorId(),
                    c.kind().name(), now});
        }
        Change first = changes.getFirst();
        Change last = changes.getLast();
        // The whole text only with a snapshot version (every 50): a large CLOB rewritten on every commit made each
        // commit 3 to 6 times dearer, and every editor's acknowledgement waits for one. Loads replay the rows after it.
        boolean withBody = changes.stream().anyMatch(c -> isSnapshot(c.version()));
        tx.executeWithoutResult(status -> {
            jdbc.batchUpdate("insert into section_change (section_id, version, ops, snapshot, author_id, kind, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", rows);
            int updated = withBody
                    ? jdbc.update("update letter_section set body = ?, body_version = ?, version = ?, updated_at = ?, "
                    + "updated_by = ? where id = ? and version = ?", last.text(), last.version(), last.version(), now,
                    last.authorId(), sectionId, first.version() - 1)
                    : jdbc.update("update letter_section set version = ?, updated_at = ?, updated_by = ? "
                    + "where id = ? and version = ?", last.version(), now, last.authorId(), sectionId, first.version() - 1);
            if (updated != 1) {
                throw new IllegalStateException("section " + sectionId + " is not at version " + (first.version() - 1));
            }
        });
    }

    static boolean isSnapshot(long version) {
        return version == 1 || version % SNAPSHOT_EVERY == 0;
    }

    @Override
    public void saveBody(long sectionId, String text, long version) {
        // only while nothing newer was written (a section is saved as it leaves memory, never behind a write)
        jdbc.update("update letter_section set body = ?, body_version = ? where id = ? and version = ? and body_version < ?",
                text, version, sectionId, version, version);
    }
}
