package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.ChangeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The server-authoritative text of one letter section and the editors connected to it: differential
 * synchronisation after Neil Fraser ("Differential Synchronization", 2009), guaranteed-delivery variant.
 *
 * <p>Each editor has a server-side {@link Shadow} (its last agreed text, client version {@code n}, server version
 * {@code m}) and a backup shadow for a lost answer. Messages are half-duplex: an editor sends its unacknowledged
 * changes, the server applies them strictly to the shadow, fuzzily (diff-match-patch) to the text, persists the
 * result through the {@link ChangeLog}, then answers with its own change over the shadow. Other editors are only
 * poked ("sync now"), so every change to a shadow happens in request/answer order. A repeated or overtaken message
 * ({@code seq} not above the last one) is ignored; a message that saw no answer is recovered from the backup
 * shadow; anything else inconsistent answers an error, and the editor rejoins with a three-way merge.
 *
 * <p>One lock per section, held only for the work in memory: syncs of one section are serial, sections are
 * independent. Persistence is a group commit outside that lock: accepted changes queue in version order, and a sync
 * whose answer contains a version not yet in the database writes everything queued so far in one transaction (or
 * waits for the writer already doing it). No answer, poke or read ({@link #text()}, {@link #version()}, a new
 * editor's start) ever shows a version before it is durable, so a crash loses nothing anyone was told about.
 * The server's change for an editor whose shadow is a known server version is composed from the last versions'
 * operations ({@link RecentChanges}) rather than diffed from the two whole texts. The other editors are told of a
 * durable change by a fan-out off the request thread (a push each, in order per editor), so a sync answers as soon
 * as its change is durable.
 *
 * <p>When its last editor leaves, the owner is told ({@code idle}) and may {@link #evictIfIdle() evict} it: nothing is
 * lost, since every accepted change is already persisted; an evicted section refuses new editors and writes (they
 * get {@code null} and take a fresh section from the owner, loaded from the database).
 */
public final class LiveSection {

    /** Someone connected to a section: told to sync when the text changed, or that their access ended. */
    public interface Listener {
        void changed();

        /** True when this editor takes the server's change pushed with the notification ({@link #pushed}). */
        default boolean takesPushes() {
            return false;
        }

        /**
         * The server half of a sync cycle, unasked: the change over the editor's shadow at ({@code n}, {@code m}),
         * like an answer with {@code seq} -1. The editor applies it only when it has no message in flight and its
         * versions match; otherwise it ignores it and syncs, and the server takes it back (see {@link Shadow}).
         */
        default void pushed(SyncResponse change) {
            changed();
        }

        default void revoked() {
        }
    }

    private static final AtomicLong SHADOW_IDS = new AtomicLong();
    /**
     * Pushes an editor may be sent between two of its messages (each keeps a reference to a shadow it may be at);
     * past that it is poked instead. With 200 editors typing, ~25 changes happen while one message is in flight:
     * a bound of 16 turned them into a storm of pokes and empty syncs.
     */
    static final int MAX_PUSHES_BETWEEN_MESSAGES = 64;
    /** What {@link #push} answers for an editor that already has the newest durable version. */
    private static final SyncResponse UP_TO_DATE = new SyncResponse(-1, -1, -1, null, 0, -1, "up-to-date");
    /** Where the app's editors are told about changes: a virtual thread per fan-out (see {@link #tellOthers}). */
    public static final Executor FAN_OUT = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("a51-fan-out-", 0).factory());

    private final long sectionId;
    private final ChangeLog log;
    private final Object lock = new Object();
    private final ReentrantLock combining = new ReentrantLock();
    private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final List<Shadow> shadows = new CopyOnWriteArrayList<>();
    private final Runnable idle;
    private final RecentChanges recent = new RecentChanges(512);
    private String text;
    private long version;
    private boolean evicted;
    private final GroupCommit commit;
    private final AtomicBoolean fanOutPending = new AtomicBoolean();
    private final Executor fanOut;

    /** A section whose editors are told of changes before the sync that made one returns (simulations in tests). */
    public LiveSection(long sectionId, String text, long version, ChangeLog log) {
        this(sectionId, text, version, log, () -> { }, Runnable::run);
    }

    /**
     * @param idle   called (outside the lock) when the last editor has left
     * @param fanOut where the editors are told of a change (see {@link #tellOthers})
     */
    public LiveSection(long sectionId, String text, long version, ChangeLog log, Runnable idle, Executor fanOut) {
        this.sectionId = sectionId;
        this.fanOut = fanOut;
        this.text = text;
        this.version = version;
        this.log = log;
        this.idle = idle;
        this.commit = new GroupCommit(sectionId, log, text, version, this::fail);
    }

    /** One connected editor's state on the server. */
    public final class Shadow {
        final long id = SHADOW_IDS.incrementAndGet();
        final long authorId;
        final boolean readOnly;
        final Listener listener;
        String shadow;
        /** The server version the shadow holds, or -1 when it holds an editor's text the server never had. */
        long shadowVersion;
        long n;
        long m;
        String backup;
        long backupVersion;
        long backupM;
        /** Shadows this editor may still hold because it ignored a push: restored when its next message says so. */
        final List<Held> pushedOver = new ArrayList<>();
        long lastSeq;
        volatile boolean closed;

        private Shadow(long authorId, boolean readOnly, Listener listener, GroupCommit.Durable start) {
            this.authorId = authorId;
            this.readOnly = readOnly;
            this.listener = listener;
            this.shadow = start.text();
            this.backup = start.text();
            this.shadowVersion = start.version();
            this.backupVersion = start.version();
        }

        public long authorId() {
            return authorId;
        }

        public LiveSection section() {
            return LiveSection.this;
        }

        public SyncResponse sync(SyncRequest request) {
            return LiveSection.this.sync(this, request);
        }

        public void close() {
            closed = true;
            if (shadows.remove(this) && shadows.isEmpty()) {
                idle.run();
            }
        }

        void revoke() {
            close();
            listener.revoked();
        }
    }

    /** A state of an editor's shadow it may still be at. */
    private record Held(String shadow, long version, long m) {
    }

    /** The text an editor starts from when it connects: its shadow starts there at versions (0, 0). */
    public record Start(Shadow shadow, String text, long version) {
    }

    /** @return the new editor's start, or null when this section was evicted (take a fresh one) */
    public Start connect(long authorId, boolean readOnly, Listener listener) {
        synchronized (lock) {
            if (evicted) {
                return null;
            }
            GroupCommit.Durable start = commit.durable(); // never a version that is not in the database yet
            Shadow s = new Shadow(authorId, readOnly, listener, start);
            shadows.add(s);
            return new Start(s, start.text(), start.version());
        }
    }

    public long sectionId() {
        return sectionId;
    }

    /** The persisted text (a change being written shows once it is durable). */
    public String text() {
        return commit.durable().text();
    }

    public long version() {
        return commit.durable().version();
    }

    /** A section whose database write failed: it takes no editor, and its editors rejoin a fresh one. */
    public boolean evicted() {
        synchronized (lock) {
            return evicted;
        }
    }

    public int editorCount() {
        return shadows.size();
    }

    /** Retires this section if nobody edits it: from then on it takes no editor and no write. */
    /** The newest text in the database and its version. */
    GroupCommit.Durable durable() {
        return commit.durable();
    }

    public boolean evictIfIdle() {
        synchronized (lock) {
            if (shadows.isEmpty() && commit.settled(version)) {
                evicted = true; // never with a write under way: a fresh copy would load the version before it
            }
            return evicted;
        }
    }

    /** Closes the editors of one account (access lost) and tells them. */
    public void revoke(long authorId) {
        for (Shadow s : shadows) {
            if (s.authorId == authorId) {
                s.revoke();
            }
        }
    }

    /** What a sync did in memory: the answer (null for an ignored message), and whether the text moved. */
    private record Outcome(SyncResponse response, boolean changed) {
    }

    /** A sync waiting for the thread that is running the section's syncs. */
    private record Task(Shadow shadow, SyncRequest request, CompletableFuture<Outcome> outcome) {
    }

    /**
     * One sync. The work in memory is combined: whichever request thread gets the section runs every queued sync
     * back to back, and the others wait for their outcome. With many editors, handing a lock from thread to thread
     * (each hand-off a wake-up on a busy machine) cost far more than the syncs themselves. Then, outside: the wait
     * for the database (group commit), and the other editors are told.
     */
    SyncResponse sync(Shadow c, SyncRequest req) {
        Task mine = new Task(c, req, new CompletableFuture<>());
        tasks.add(mine);
        // Run the queue if nobody is; whoever runs it looks again after letting go, so no task is left behind.
        while (!tasks.isEmpty() && combining.tryLock()) {
            try {
                for (Task t = tasks.poll(); t != null; t = tasks.poll()) {
                    try {
                        t.outcome().complete(syncLocked(t.shadow(), t.request()));
                    } catch (RuntimeException e) {
                        t.outcome().completeExceptionally(e);
                    }
                }
            } finally {
                combining.unlock();
            }
        }
        Outcome outcome = mine.outcome().join();
        SyncResponse response = outcome.response();
        if (response == null || !response.ok()) {
            return response;
        }
        commit.awaitDurable(response.version());
        if (outcome.changed()) {
            tellOthers();
        }
        return response;
    }

    private Outcome syncLocked(Shadow c, SyncRequest req) {
        boolean changed;
        SyncResponse response;
        synchronized (lock) {
            if (c.closed) {
                return new Outcome(SyncResponse.failed(req.seq(), commit.failed() ? "persist" : "closed"), false);
            }
            if (req.seq() <= c.lastSeq) {
                return new Outcome(null, false); // repeated or overtaken: the editor has sent (or will send) a newer message
            }
            c.lastSeq = req.seq();
            if (req.m() != c.m) {
                Held held = c.pushedOver.stream().filter(h -> h.m() == req.m()).findFirst().orElse(null);
                if (held != null) {
                    // The editor ignored our push(es) from there (it had a message in flight): back to that shadow.
                    c.shadow = held.shadow();
                    c.shadowVersion = held.version();
                    c.m = held.m();
                } else if (req.m() == c.backupM) {
                    // Our last answer never arrived: go back to the shadow the editor still has.
                    c.shadow = c.backup;
                    c.shadowVersion = c.backupVersion;
                    c.m = c.backupM;
                } else {
                    return new Outcome(SyncResponse.failed(req.seq(), "server-version"), false);
                }
            }
            c.pushedOver.clear();
            String shadow = c.shadow;
            long shadowVersion = c.shadowVersion;
            long baseVersion = shadowVersion;
            List<Object> undo = null; // from the shadow with the editor's edits back to version baseVersion
            long n = c.n;
            String merged = text;
            for (SyncRequest.ClientEdit edit : req.edits()) {
                if (edit.n() < n) {
                    continue; // already applied: its acknowledgement was lost
                }
                if (edit.n() > n || c.readOnly) {
                    return new Outcome(SyncResponse.failed(req.seq(), c.readOnly ? "read-only" : "client-version"), false);
                }
                String next;
                try {
                    next = TextOps.apply(shadow, edit.ops());
                } catch (IllegalArgumentException | ClassCastException e) {
                    return new Outcome(SyncResponse.failed(req.seq(), "shadow"), false);
                }
                if (TextOps.hash(next) != edit.h()) {
                    return new Outcome(SyncResponse.failed(req.seq(), "shadow"), false);
                }
                if (shadow.equals(merged)) {
                    merged = next;
                } else {
                    // The shadow is a server version (first edit of the message): others' changes since are known.
                    List<Object> moved = shadowVersion >= 0 ? recent.between(shadowVersion, version) : null;
                    String apart = moved == null ? null : RecentChanges.mergeApart(shadow, edit.ops(), moved, merged);
                    merged = apart != null ? apart : TextOps.mergeOps(shadow, edit.ops(), merged);
                }
                if (baseVersion >= 0) {
                    List<Object> back = RecentChanges.invert(shadow, edit.ops());
                    undo = undo == null ? back : RecentChanges.compose(back, undo);
                }
                shadow = next;
                shadowVersion = -1;
                n++;
            }
            changed = !merged.equals(text);
            if (changed) {
                accept(merged, TextOps.diff(text, merged), c.authorId, ChangeKind.EDIT);
            }
            if (shadowVersion < 0 && shadow.equals(text)) {
                shadowVersion = version;
            }
            c.shadow = shadow;
            c.shadowVersion = shadowVersion;
            c.n = n;
            c.backup = shadow;
            c.backupVersion = shadowVersion;
            c.backupM = c.m;
            long m = c.m;
            List<Object> ops = null;
            if (shadowVersion != version) {
                if (shadowVersion >= 0) {
                    ops = recent.between(shadowVersion, version);
                } else if (baseVersion >= 0 && undo != null) {
                    // Back from the editor's edits to the version they were made on, forward to now (which has them
                    // merged), with the undo-redo of their own typing taken out.
                    List<Object> forward = baseVersion == version ? List.of() : recent.between(baseVersion, version);
                    ops = forward == null ? null
                            : RecentChanges.tidy(shadow, forward.isEmpty() ? undo : RecentChanges.compose(undo, forward));
                }
                if (ops == null) {
                    ops = TextOps.diffLarge(shadow, text);
                }
                c.shadow = text;
                c.shadowVersion = version;
                c.m++;
            }
            response = new SyncResponse(req.seq(), c.n, m, ops, TextOps.hash(c.shadow), version, null);
        }
        return new Outcome(response, changed);
    }

    /** A new version in memory, queued for the database (under the lock). */
    private void accept(String merged, List<Object> ops, long authorId, ChangeKind kind) {
        version++;
        text = merged;
        recent.add(version, ops);
        commit.queue(new ChangeLog.Change(version, merged, ops, authorId, kind));
    }

    /**
     * The database refused a write: the versions in memory past the durable one were never acknowledged, so the
     * section retires and its editors rejoin a fresh one loaded from the database (their unacknowledged typing is
     * still in their browsers and is merged again).
     */
    private void fail() {
        synchronized (lock) {
            evicted = true;
        }
        for (Shadow s : shadows) {
            s.closed = true;
        }
        shadows.clear();
    }

    /** Outcome of a change that did not come from a live editor. */
    public record Merge(String text, long version) {
    }

    /**
     * A whole new text written from {@code base} (what the writer started from): merged into the current text
     * like an editor's concurrent change, persisted, and pushed to live editors.
     *
     * @return the outcome, or null when this section was evicted (write to a fresh one)
     */
    public Merge merge(String base, String newText, long authorId, ChangeKind kind) {
        Merge result;
        boolean changed;
        synchronized (lock) {
            if (evicted) {
                return null;
            }
            String merged = TextOps.merge(base, newText, text);
            changed = !merged.equals(text);
            if (changed) {
                accept(merged, TextOps.diff(text, merged), authorId, kind);
            }
            result = new Merge(text, version);
        }
        commit.awaitDurable(result.version());
        if (changed) {
            tellOthers();
        }
        return result;
    }

    /**
     * The editors are told about a durable change by another thread, so the sync that made it answers at once (with
     * 200 editors, computing 199 pushes took longer than the sync). Changes that come while a fan-out is waiting to
     * start are told in the same one: each editor gets one push up to the newest durable version.
     */
    private void tellOthers() {
        if (fanOutPending.compareAndSet(false, true)) {
            fanOut.execute(() -> {
                fanOutPending.set(false); // a change durable from now on schedules another fan-out
                pokeOthers();
            });
        }
    }

    private void pokeOthers() {
        long durable = commit.durable().version();
        for (Shadow s : new ArrayList<>(shadows)) {
            // computed and handed over as one step per editor: two threads poking the same editor must not hand
            // its pushes over out of order (the editor would refuse the later one first, then sync for nothing)
            synchronized (s) {
                SyncResponse push = s.listener.takesPushes() ? push(s) : behind(s, durable) ? null : UP_TO_DATE;
                if (push != UP_TO_DATE) { // e.g. the author, after its answer, or an editor that synced meanwhile
                    notify(s, push == null ? Listener::changed : l -> l.pushed(push));
                }
            }
        }
    }

    private boolean behind(Shadow s, long durable) {
        synchronized (lock) {
            return s.shadowVersion < durable;
        }
    }

    /**
     * The server's change for an editor, computed now and pushed (one message instead of a poke and a round trip),
     * {@link #UP_TO_DATE} when its shadow already holds the newest durable version (nothing to tell), or null to
     * poke it instead. Only durable versions, and at most {@link #MAX_PUSHES_BETWEEN_MESSAGES} pushes
     * between two of its messages.
     */
    private SyncResponse push(Shadow s) {
        GroupCommit.Durable d = commit.durable();
        synchronized (lock) {
            if (!s.closed && s.shadowVersion >= d.version()) {
                return UP_TO_DATE;
            }
            if (s.closed || s.shadowVersion < 0 || s.pushedOver.size() >= MAX_PUSHES_BETWEEN_MESSAGES) {
                return null;
            }
            List<Object> ops = recent.between(s.shadowVersion, d.version());
            if (ops == null) {
                return null;
            }
            s.pushedOver.add(new Held(s.shadow, s.shadowVersion, s.m));
            long m = s.m;
            s.shadow = d.text();
            s.shadowVersion = d.version();
            s.m++;
            return new SyncResponse(-1, s.n, m, ops, TextOps.hash(d.text()), d.version(), null);
        }
    }

    private static void notify(Shadow s, Consumer<Listener> call) {
        try {
            call.accept(s.listener);
        } catch (RuntimeException e) {
            // A broken listener (detached UI) must not stop the others.
        }
    }
}
