package fr.atelier51.workspace.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.service.ProjectMembershipChanged;
import fr.atelier51.project.service.ProjectPermissions;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.LetterSection;
import fr.atelier51.workspace.domain.LetterSectionRepository;
import fr.atelier51.workspace.domain.SectionChange;
import fr.atelier51.workspace.domain.SectionChangeRepository;
import fr.atelier51.workspace.domain.SectionKey;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The letter of a project: its 15 sections (created on first open), live co-editing sessions, presence, and
 * writes from the API. Access follows {@link ProjectService}: members and assigned coaches edit, admins read.
 * Methods that take no {@link Account} read the caller from the security context; live sessions capture the
 * account when they open, because Vaadin push threads have no security context.
 */
@Service
public class LetterService {

    private static final Logger log = LoggerFactory.getLogger(LetterService.class);

    private static final String[] COLOURS = {"#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#4e342e"};

    private final ProjectService projects;
    private final CurrentAccount currentAccount;
    private final LetterSectionRepository sections;
    private final SectionChangeRepository changes;
    private final ChangeLog changeLog;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final List<SectionPrefill> prefills;
    private final Map<Long, LiveSection> live = new ConcurrentHashMap<>();
    private final Map<Long, PresenceRoom> rooms = new ConcurrentHashMap<>();
    private final Duration liveGrace;
    private final ScheduledExecutorService evictions = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "letter-evictions");
        t.setDaemon(true);
        return t;
    });

    public LetterService(ProjectService projects, CurrentAccount currentAccount, LetterSectionRepository sections,
                         SectionChangeRepository changes, ChangeLog changeLog, TransactionTemplate tx, JsonMapper json,
                         List<SectionPrefill> prefills,
                         @Value("${atelier51.workspace.live-grace:30s}") Duration liveGrace) {
        this.liveGrace = liveGrace;
        this.prefills = prefills;
        this.projects = projects;
        this.currentAccount = currentAccount;
        this.sections = sections;
        this.changes = changes;
        this.changeLog = changeLog;
        this.tx = tx;
        this.json = json;
    }

    /** The caller's rights on the project (NotFoundException when they may not read it). */
    public ProjectPermissions permissions(long projectId) {
        return projects.permissions(projectId);
    }

    /** All sections in order, with the live text. */
    public List<SectionState> letter(long projectId) {
        projects.get(projectId);
        return sectionsOf(projectId);
    }

    /** The sections with their live text and version, without an access check (callers check). */
    List<SectionState> sectionsOf(long projectId) {
        List<SectionState> out = new ArrayList<>();
        for (LetterSection s : ensureSections(projectId)) {
            LiveSection l = live.get(s.getId());
            out.add(l == null ? new SectionState(s.getKey(), currentText(s), s.getVersion())
                    : new SectionState(s.getKey(), l.text(), l.version()));
        }
        return out;
    }

    /** A live editing session on one section, for the signed-in caller (read-only for an admin). */
    public EditorSession open(long projectId, SectionKey key, LiveSection.Listener listener) {
        Account caller = currentAccount.require();
        ProjectPermissions rights = projects.permissions(projectId);
        LiveSection.Start start;
        do { // an idle section may be evicted between lookup and connect: then take the fresh one
            start = liveSection(projectId, key).connect(caller.getId(), !rights.canWork(), listener);
        } while (start == null);
        return new EditorSession(projectId, key, caller.getId(), start, !rights.canWork());
    }

    /** A session on one section: the text it started from, and the sync call. */
    public static final class EditorSession {
        private final long projectId;
        private final SectionKey key;
        private final long accountId;
        private final LiveSection.Start start;
        private final boolean readOnly;

        EditorSession(long projectId, SectionKey key, long accountId, LiveSection.Start start, boolean readOnly) {
            this.projectId = projectId;
            this.key = key;
            this.accountId = accountId;
            this.start = start;
            this.readOnly = readOnly;
        }

        public String startText() {
            return start.text();
        }

        public long startVersion() {
            return start.version();
        }

        public boolean readOnly() {
            return readOnly;
        }

        /** The section's current server text (for the preview). */
        public String currentText() {
            return start.shadow().section().text();
        }

        public SectionKey key() {
            return key;
        }

        public long projectId() {
            return projectId;
        }

        public long accountId() {
            return accountId;
        }

        /** @return the answer, or null for a message that was repeated or overtaken (ignore it) */
        public SyncResponse sync(SyncRequest request) {
            return start.shadow().sync(request);
        }

        public void close() {
            start.shadow().close();
        }
    }

    /**
     * Writes a section from a text its author started at {@code baseVersion}: three-way merged into the current
     * text exactly like a live editor's concurrent change, persisted, and pushed to live editors.
     */
    public LiveSection.Merge write(long projectId, SectionKey key, long baseVersion, String text, ChangeKind kind) {
        Account caller = currentAccount.require();
        if (!projects.permissions(projectId).canWork()) {
            throw new ForbiddenException("workspace.error.read-only");
        }
        if (text == null) {
            throw new BusinessException("workspace.error.text-required");
        }
        while (true) {
            LiveSection section = liveSection(projectId, key);
            if (baseVersion < 0 || baseVersion > section.version()) {
                throw new BusinessException("workspace.error.unknown-version", baseVersion);
            }
            String base = textAt(section.sectionId(), baseVersion);
            LiveSection.Merge merged = section.merge(base, text, caller.getId(), kind);
            if (merged != null) {
                return merged;
            }
        }
    }

    /**
     * A section's text at its current version: its body (written now and then, see {@link JdbcChangeLog}) brought
     * forward by the changes after the body's version.
     */
    private String currentText(LetterSection s) {
        String text = s.getBody();
        if (s.getBodyVersion() >= s.getVersion()) {
            return text;
        }
        for (SectionChange c : changes.findBySectionIdAndVersionBetweenOrderByVersion(s.getId(), s.getBodyVersion() + 1,
                s.getVersion())) {
            text = applied(text, c);
        }
        return text;
    }

    private String applied(String text, SectionChange c) {
        return TextOps.apply(text, json.readValue(c.getOps(), new TypeReference<List<Object>>() { }));
    }

    /** The text of a section as it was at {@code version} (0 is the start, as pre-filled). */
    public String textAt(long sectionId, long version) {
        if (version <= 0) {
            return sections.findById(sectionId).map(LetterSection::getInitialBody).orElse("");
        }
        long from = changes.lastSnapshotAtOrBefore(sectionId, version).orElse(0L);
        String text = "";
        for (SectionChange c : changes.findBySectionIdAndVersionBetweenOrderByVersion(sectionId, Math.max(from, 1), version)) {
            text = c.getSnapshot() != null && c.getVersion() == from ? c.getSnapshot()
                    : applied(text, c);
        }
        return text;
    }

    /** The id of a section's row (created on first use), without an access check (callers check). */
    long sectionId(long projectId, SectionKey key) {
        return ensureSections(projectId).stream().filter(s -> s.getKey() == key).findFirst()
                .orElseThrow(() -> new NotFoundException("workspace.error.section-not-found")).getId();
    }

    private LiveSection liveSection(long projectId, SectionKey key) {
        LetterSection row = ensureSections(projectId).stream().filter(s -> s.getKey() == key).findFirst()
                .orElseThrow(() -> new NotFoundException("workspace.error.section-not-found"));
        while (true) {
            LiveSection l = live.computeIfAbsent(row.getId(), id -> {
                LetterSection fresh = sections.findById(id).orElseThrow();
                return new LiveSection(id, currentText(fresh), fresh.getVersion(), changeLog, () -> scheduleEviction(id),
                        LiveSection.FAN_OUT);
            });
            if (!l.evicted()) {
                return l;
            }
            live.remove(row.getId(), l); // its database write failed: load a fresh one
        }
    }

    /**
     * The last editor left a section: after a grace period (a page reload, a section switch and back) it leaves
     * memory if still unused. Safe at any time: every accepted change is already in the database.
     */
    private void scheduleEviction(long sectionId) {
        try {
            evictions.schedule(() -> live.computeIfPresent(sectionId, (id, l) -> {
                if (!l.evictIfIdle()) {
                    return l;
                }
                saveBody(l); // before a fresh copy can load it (the map holds the key meanwhile)
                return null;
            }), liveGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Sections held in memory (being edited, or left less than the grace period ago): for monitoring and tests. */
    public int liveSectionCount() {
        return live.size();
    }

    @PreDestroy
    void stopEvictions() {
        evictions.shutdownNow();
        // a clean stop leaves every section's text whole in its row (a crash only makes the next load replay)
        live.values().forEach(this::saveBody);
    }

    /** Writes a section's durable text into its row, so that loading it replays nothing. */
    private void saveBody(LiveSection l) {
        GroupCommit.Durable d = l.durable();
        try {
            changeLog.saveBody(l.sectionId(), d.text(), d.version());
        } catch (RuntimeException e) {
            log.warn("Section {} text not saved whole (its changes are; the next load replays them)", l.sectionId(), e);
        }
    }

    private synchronized List<LetterSection> ensureSections(long projectId) {
        List<LetterSection> existing = sections.findByProjectIdOrderByPosition(projectId);
        if (existing.size() == SectionKey.values().length) {
            return existing;
        }
        Map<SectionKey, String> known = new java.util.EnumMap<>(SectionKey.class);
        prefills.forEach(p -> p.prefill(projectId).forEach(known::putIfAbsent));
        return tx.execute(status -> {
            List<LetterSection> all = new ArrayList<>(sections.findByProjectIdOrderByPosition(projectId));
            for (SectionKey key : SectionKey.values()) {
                if (all.stream().noneMatch(s -> s.getKey() == key)) {
                    all.add(sections.save(new LetterSection(projectId, key, known.get(key))));
                }
            }
            all.sort((a, b) -> Integer.compare(a.getKey().ordinal(), b.getKey().ordinal()));
            return all;
        });
    }

    // ---- presence ----------------------------------------------------------------------------------------

    /** Someone's presence in a project's letter; listeners hear every change of the room (on any thread). */
    public final class PresenceHandle {
        private final long projectId;
        private final String sessionId = UUID.randomUUID().toString();

        private PresenceHandle(long projectId) {
            this.projectId = projectId;
        }

        public String sessionId() {
            return sessionId;
        }

        public void moveTo(SectionKey key, int anchor, int head) {
            moveTo(key, anchor, head, -1);
        }

        /** A selection in the section's text at {@code version} (-1: unknown). */
        public void moveTo(SectionKey key, int anchor, int head, long version) {
            PresenceRoom room = rooms.get(projectId);
            if (room != null) {
                room.update(sessionId, p -> p.at(key == null ? null : key.key(), anchor, head, version));
            }
        }

        public void leave() {
            rooms.computeIfPresent(projectId, (id, room) -> {
                room.leave(sessionId);
                return room.isEmpty() ? null : room; // an empty room leaves memory
            });
        }
    }

    /** Enters the letter's room (caller from the security context) and listens to who is where. */
    public PresenceHandle enter(long projectId, Consumer<List<Presence>> listener, Runnable revoked) {
        Account caller = currentAccount.require();
        projects.get(projectId);
        PresenceHandle handle = new PresenceHandle(projectId);
        String colour = COLOURS[(int) (Math.abs(caller.getId()) % COLOURS.length)];
        Presence me = new Presence(handle.sessionId, caller.getId(), caller.getDisplayName(), colour, null, 0, 0, -1);
        rooms.compute(projectId, (id, room) -> {
            PresenceRoom joined = room == null ? new PresenceRoom(evictions) : room;
            joined.join(me, listener, revoked);
            return joined;
        });
        return handle;
    }

    /** A co-holder removed or a coach unassigned: their open editors close at once. */
    @EventListener
    public void membershipChanged(ProjectMembershipChanged event) {
        for (LetterSection s : sections.findByProjectIdOrderByPosition(event.projectId())) {
            LiveSection l = live.get(s.getId());
            if (l != null) {
                l.revoke(event.accountId());
            }
        }
        PresenceRoom room = rooms.get(event.projectId());
        if (room != null) {
            room.revoke(event.accountId());
        }
    }

    // ---- comments and suggestions (CommentService) --------------------------------------------------------

    /** A section's live text and version, read together, and its id. No access check: the caller has checked. */
    Snapshot snapshot(long projectId, SectionKey key) {
        LiveSection section = liveSection(projectId, key);
        while (true) {
            long before = section.version();
            String text = section.text();
            if (section.version() == before) {
                return new Snapshot(section.sectionId(), text, before);
            }
        }
    }

    record Snapshot(long sectionId, String text, long version) {
    }
}
