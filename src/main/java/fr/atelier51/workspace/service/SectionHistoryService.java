package fr.atelier51.workspace.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.AccountRepository;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.NamedVersion;
import fr.atelier51.workspace.domain.NamedVersionKind;
import fr.atelier51.workspace.domain.NamedVersionRepository;
import fr.atelier51.workspace.domain.SectionKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history of one letter section: its changes grouped into editing sessions (a keystroke batch is a change, so
 * raw rows are unreadable), any version's text, the difference between two versions, and restoring a version as a
 * new change. Reading needs read access to the letter; restoring needs the right to edit it.
 */
@Service
public class SectionHistoryService {

    /** A pause longer than this starts a new session. */
    public static final Duration SESSION_GAP = Duration.ofMinutes(5);
    /** Sessions per page. */
    public static final int PAGE = 30;
    private static final int CHUNK = 2000;

    private final LetterService letters;
    private final NamedVersionRepository named;
    private final AccountRepository accounts;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public SectionHistoryService(LetterService letters, NamedVersionRepository named,
                                 AccountRepository accounts, JdbcTemplate jdbc, JsonMapper json) {
        this.letters = letters;
        this.named = named;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One raw change, without its text. */
    private record Row(long version, long authorId, ChangeKind kind, Instant at, int inserted, int deleted) {
    }

    /**
     * Up to {@code limit} sessions ending before version {@code before} (use {@code Long.MAX_VALUE} for the newest),
     * newest first. Reads rows in chunks and stops as soon as the page is full, so the cost follows the page, not
     * the length of the history.
     */
    public HistoryPage sessions(long projectId, SectionKey key, long before, int limit) {
        Resolved section = resolve(projectId, key);
        SectionState state = section.state();
        long sectionId = section.id();
        List<NamedVersion> names = named.findByProjectIdOrderByCreatedAtDescIdDesc(projectId);
        long filedVersion = names.stream().filter(n -> n.getKind() == NamedVersionKind.FILED).findFirst()
                .map(n -> n.versionOf(key)).orElse(-1L);
        // A named version must end a session, so it can be picked in the list; so must the filing.
        Map<Long, List<NamedVersion>> boundaries = new HashMap<>();
        for (NamedVersion n : names) {
            boundaries.computeIfAbsent(n.versionOf(key), v -> new ArrayList<>()).add(n);
        }
        int max = Math.max(1, limit);
        List<List<Row>> groups = new ArrayList<>();
        List<Row> current = null;
        long cursor = Math.min(before, state.version() + 1);
        long nextBefore = 0;
        scan:
        while (cursor > 1) {
            List<Row> chunk = rows(sectionId, cursor, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (Row r : chunk) {
                if (current == null || !joins(current, r, boundaries.containsKey(r.version()), filedVersion)) {
                    if (groups.size() == max) {
                        nextBefore = r.version() + 1;
                        break scan;
                    }
                    current = new ArrayList<>();
                    groups.add(current);
                }
                current.add(r);
            }
            cursor = chunk.getLast().version();
        }
        Map<Long, String> authors = names(groups);
        List<HistorySession> out = new ArrayList<>();
        for (List<Row> g : groups) {
            Row newest = g.getFirst();
            Row oldest = g.getLast();
            int inserted = g.stream().mapToInt(Row::inserted).sum();
            int deleted = g.stream().mapToInt(Row::deleted).sum();
            out.add(new HistorySession(oldest.version(), newest.version(), newest.authorId(),
                    authors.getOrDefault(newest.authorId(), "?"), newest.kind(), oldest.at(), newest.at(), g.size(),
                    inserted, deleted, filedVersion >= 0 && oldest.version() > filedVersion,
                    boundaries.getOrDefault(newest.version(), List.of())));
        }
        return new HistoryPage(key, state.version(), out, nextBefore, filedVersion);
    }

    /** Whether an older change {@code r} belongs to the session {@code g} (newest first). */
    private static boolean joins(List<Row> g, Row r, boolean namedHere, long filedVersion) {
        Row oldest = g.getLast();
        return !namedHere
                && r.authorId() == oldest.authorId()
                && r.kind() == oldest.kind()
                && r.kind() != ChangeKind.RESTORE // each restore is a deliberate act of its own
                && (filedVersion < 0 || (r.version() > filedVersion) == (oldest.version() > filedVersion))
                && !Duration.between(r.at(), oldest.at()).minus(SESSION_GAP).isPositive();
    }

    private List<Row> rows(long sectionId, long before, int limit) {
        return jdbc.query("select version, author_id, kind, created_at, ops from section_change "
                        + "where section_id = ? and version < ? order by version desc limit ?",
                (rs, i) -> {
                    int[] size = size(rs.getString("ops"));
                    return new Row(rs.getLong("version"), rs.getLong("author_id"), ChangeKind.valueOf(rs.getString("kind")),
                            rs.getTimestamp("created_at").toInstant(), size[0], size[1]);
                }, sectionId, before, limit);
    }

    /** Characters inserted and deleted by a change's operations (strings insert, negative numbers delete). */
    private int[] size(String ops) {
        int inserted = 0;
        int deleted = 0;
        for (Object op : json.readValue(ops, new TypeReference<List<Object>>() { })) {
            if (op instanceof String s) {
                inserted += s.length();
            } else if (op instanceof Number n && n.longValue() < 0) {
                deleted += (int) -n.longValue();
            }
        }
        return new int[]{inserted, deleted};
    }

    private Map<Long, String> names(List<List<Row>> groups) {
        Set<Long> ids = new HashSet<>();
        groups.forEach(g -> ids.add(g.getFirst().authorId()));
        Map<Long, String> out = new HashMap<>();
        for (Account a : accounts.findAllById(ids)) {
            out.put(a.getId(), a.getDisplayName());
        }
        return out;
    }

    /** The largest page the API serves. */
    public static final int API_PAGE_MAX = 100;

    /**
     * Page {@code page} (0 is the newest) of {@code size} sessions, for the API. Walks the pages before it, so the
     * cost grows with the page number; a page past the end is empty.
     */
    public HistoryPage page(long projectId, SectionKey key, int page, int size) {
        letters.permissions(projectId); // a project the caller may not see: not found, whatever the parameters
        if (page < 0) {
            throw new BusinessException("history.api.error.page");
        }
        if (size < 1 || size > API_PAGE_MAX) {
            throw new BusinessException("history.api.error.size", API_PAGE_MAX);
        }
        HistoryPage out = sessions(projectId, key, Long.MAX_VALUE, size);
        for (int i = 0; i < page; i++) {
            if (!out.hasMore()) {
                return new HistoryPage(key, out.currentVersion(), List.of(), 0, out.filedVersion());
            }
            out = sessions(projectId, key, out.nextBefore(), size);
        }
        return out;
    }

    /**
     * A page of {@code size} sessions for the API, chosen either by number ({@code page}, 0 the newest; kept for
     * compatibility, its cost grows with the number) or by cursor ({@code before}: the {@link HistoryPage#nextBefore()}
     * of the previous answer, so each page costs the same however deep and stays put while people type). The
     * cursor is a version number: the page holds the sessions made of versions below it.
     *
     * @param before the cursor as the caller sent it, or null
     */
    public HistoryPage page(long projectId, SectionKey key, int page, String before, int size) {
        if (before == null) {
            return page(projectId, key, page, size);
        }
        letters.permissions(projectId); // a project the caller may not see: not found, whatever the parameters
        if (page != 0) {
            throw new BusinessException("history.api.error.page-and-before");
        }
        if (size < 1 || size > API_PAGE_MAX) {
            throw new BusinessException("history.api.error.size", API_PAGE_MAX);
        }
        long newest = resolve(projectId, key).state().version();
        long cursor;
        try {
            cursor = Long.parseLong(before.strip());
        } catch (NumberFormatException e) {
            cursor = -1;
        }
        if (cursor < 1 || cursor > newest + 1) { // versions only grow: no answer ever gave a larger one
            throw new BusinessException("history.api.error.before", shorten(before), newest + 1);
        }
        return sessions(projectId, key, cursor, size);
    }

    /** A caller's value quoted back in a message, cut if long. */
    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** The section's text at {@code version}; a version it never had is not found (the API's 404). */
    public SectionState version(long projectId, SectionKey key, long version) {
        Resolved section = resolve(projectId, key);
        long newest = section.state().version();
        if (version < 0 || version > newest) {
            throw new NotFoundException("history.api.error.version-not-found", version, newest);
        }
        return new SectionState(key, textAt(section, version), version);
    }

    /** The section's text at {@code version} (0 is the start). */
    public String textAt(long projectId, SectionKey key, long version) {
        return textAt(resolve(projectId, key), version);
    }

    /** What changed from version {@code from} to version {@code to} (either order; older first is usual). */
    public TextDiff diff(long projectId, SectionKey key, long from, long to) {
        Resolved section = resolve(projectId, key);
        return TextDiff.between(textAt(section, from), textAt(section, to));
    }

    /** {@link #diff(long, SectionKey, long, long)} for the API, where either version may be missing. */
    public TextDiff diffOf(long projectId, SectionKey key, Long from, Long to) {
        letters.permissions(projectId);
        if (from == null || to == null) {
            throw new BusinessException("history.api.error.diff-params");
        }
        return diff(projectId, key, from, to);
    }

    private String textAt(Resolved section, long version) {
        if (version < 0 || version > section.state().version()) {
            throw new BusinessException("workspace.error.unknown-version", version);
        }
        return version == section.state().version() ? section.state().text() : letters.textAt(section.id(), version);
    }

    /**
     * Makes version {@code version}'s text the section's text again, as a new change (kind RESTORE, by the caller),
     * through the same merge as every other write, so live editors see it at once. A change that arrived meanwhile
     * is merged, not overwritten.
     */
    public LiveSection.Merge restore(long projectId, SectionKey key, long version) {
        if (!letters.permissions(projectId).canWork()) {
            throw new ForbiddenException("workspace.error.read-only");
        }
        Resolved section = resolve(projectId, key);
        SectionState state = section.state();
        String old = textAt(section, version);
        if (old.equals(state.text())) {
            throw new BusinessException("history.error.same-text", version);
        }
        return letters.write(projectId, key, state.version(), old, ChangeKind.RESTORE);
    }

    /** A section read once: its row id and live state (access checked: NotFoundException when not readable). */
    private record Resolved(long id, SectionState state) {
    }

    private Resolved resolve(long projectId, SectionKey key) {
        SectionState state = letters.letter(projectId).stream().filter(s -> s.key() == key).findFirst()
                .orElseThrow(() -> new NotFoundException("workspace.error.section-not-found"));
        return new Resolved(letters.sectionId(projectId, key), state);
    }
}
