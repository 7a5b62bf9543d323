package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.ChangeKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Persists accepted changes: the change row and the section's new text in one committed transaction, before the
 * sync engine acknowledges anything. Plain JDBC: this is the hot path of every keystroke batch.
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
        Timestamp now = Timestamp.from(Instant.now());
        String snapshot = version == 1 || version % SNAPSHOT_EVERY == 0 ? text : null;
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into section_change (section_id, version, ops, snapshot, author_id, kind, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", sectionId, version, json.writeValueAsString(ops), snapshot,
                    authorId, kind.name(), now);
            int updated = jdbc.update("update letter_section set body = ?, version = ?, updated_at = ?, updated_by = ? "
                    + "where id = ? and version = ?", text, version, now, authorId, sectionId, version - 1);
            if (updated != 1) {
                throw new IllegalStateException("section " + sectionId + " is not at version " + (version - 1));
            }
        });
    }
}
