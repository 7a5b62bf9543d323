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
 * Persists accepted changes: the change rows and the section's newest text in one committed transaction, before the
 * sync engine acknowledges anything. Plain JDBC: this is the hot path of every keystroke batch. A batch of several
 * changes (group commit, see {@link LiveSection}) rewrites the section's body once, with its last text.
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
            String snapshot = c.version() == 1 || c.version() % SNAPSHOT_EVERY == 0 ? c.text() : null;
            rows.add(new Object[]{sectionId, c.version(), json.writeValueAsString(c.ops()), snapshot, c.authorId(),
                    c.kind().name(), now});
        }
        Change first = changes.getFirst();
        Change last = changes.getLast();
        tx.executeWithoutResult(status -> {
            jdbc.batchUpdate("insert into section_change (section_id, version, ops, snapshot, author_id, kind, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", rows);
            int updated = jdbc.update("update letter_section set body = ?, version = ?, updated_at = ?, updated_by = ? "
                    + "where id = ? and version = ?", last.text(), last.version(), now, last.authorId(), sectionId,
                    first.version() - 1);
            if (updated != 1) {
                throw new IllegalStateException("section " + sectionId + " is not at version " + (first.version() - 1));
            }
        });
    }
}
