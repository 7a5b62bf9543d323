package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.ChangeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * <p>One lock per section: syncs of one section are serial, sections are independent.
 *
 * <p>When its last editor leaves, the owner is told ({@code idle}) and may {@link #evictIfIdle() evict} it: nothing is
 * lost, since every accepted change is already persisted; an evicted section refuses new editors and writes (they
 * get {@code null} and take a fresh section from the owner, loaded from the database).
 */
public final class LiveSection {

    /** Someone connected to a section: told to sync when the text changed, or that their access ended. */
    public interface Listener {
        void changed();

        default void revoked() {
        }
    }

    private static final AtomicLong SHADOW_IDS = new AtomicLong();

    private final long sectionId;
    private final ChangeLog log;
    private final Object lock = new Object();
    private final List<Shadow> shadows = new CopyOnWriteArrayList<>();
    private final Runnable idle;
    private String text;
    private long version;
    private boolean evicted;

    public LiveSection(long sectionId, String text, long version, ChangeLog log) {
        this(sectionId, text, version, log, () -> { });
    }

    /** @param idle called (outside the lock) when the last editor has left */
    public LiveSection(long sectionId, String text, long version, ChangeLog log, Runnable idle) {
        this.sectionId = sectionId;
        this.text = text;
        this.version = version;
        this.log = log;
        this.idle = idle;
    }

    /** One connected editor's state on the server. */
    public final class Shadow {
        final long id = SHADOW_IDS.incrementAndGet();
        final long authorId;
        final boolean readOnly;
        final Listener listener;
        String shadow;
        long n;
        long m;
        String backup;
        long backupM;
        long lastSeq;
        volatile boolean closed;

        private Shadow(long authorId, boolean readOnly, Listener listener, String start) {
            this.authorId = authorId;
            this.readOnly = readOnly;
            this.listener = listener;
            this.shadow = start;
            this.backup = start;
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

    /** The text an editor starts from when it connects: its shadow starts there at versions (0, 0). */
    public record Start(Shadow shadow, String text, long version) {
    }

    /** @return the new editor's start, or null when this section was evicted (take a fresh one) */
    public Start connect(long authorId, boolean readOnly, Listener listener) {
        synchronized (lock) {
            if (evicted) {
                return null;
            }
            Shadow s = new Shadow(authorId, readOnly, listener, text);
            shadows.add(s);
            return new Start(s, text, version);
        }
    }

    public long sectionId() {
        return sectionId;
    }

    public String text() {
        synchronized (lock) {
            return text;
        }
    }

    public long version() {
        synchronized (lock) {
            return version;
        }
    }

    public int editorCount() {
        return shadows.size();
    }

    /** Retires this section if nobody edits it: from then on it takes no editor and no write. */
    public boolean evictIfIdle() {
        synchronized (lock) {
            if (shadows.isEmpty()) {
                evicted = true;
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

    SyncResponse sync(Shadow c, SyncRequest req) {
        boolean changed;
        SyncResponse response;
        synchronized (lock) {
            if (c.closed) {
                return SyncResponse.failed(req.seq(), "closed");
            }
            if (req.seq() <= c.lastSeq) {
                return null; // repeated or overtaken: the editor has sent (or will send) a newer message
            }
            c.lastSeq = req.seq();
            if (req.m() != c.m) {
                if (req.m() == c.backupM) {
                    // Our last answer never arrived: go back to the shadow the editor still has.
                    c.shadow = c.backup;
                    c.m = c.backupM;
                } else {
                    return SyncResponse.failed(req.seq(), "server-version");
                }
            }
            String shadow = c.shadow;
            long n = c.n;
            String merged = text;
            for (SyncRequest.ClientEdit edit : req.edits()) {
                if (edit.n() < n) {
                    continue; // already applied: its acknowledgement was lost
                }
                if (edit.n() > n || c.readOnly) {
                    return SyncResponse.failed(req.seq(), c.readOnly ? "read-only" : "client-version");
                }
                String next;
                try {
                    next = TextOps.apply(shadow, edit.ops());
                } catch (IllegalArgumentException | ClassCastException e) {
                    return SyncResponse.failed(req.seq(), "shadow");
                }
                if (TextOps.hash(next) != edit.h()) {
                    return SyncResponse.failed(req.seq(), "shadow");
                }
                merged = shadow.equals(merged) ? next : TextOps.mergeOps(shadow, edit.ops(), merged);
                shadow = next;
                n++;
            }
            changed = !merged.equals(text);
            if (changed) {
                // Durable before the shadow moves and before anyone hears of it.
                log.record(sectionId, version + 1, merged, TextOps.diff(text, merged), c.authorId, ChangeKind.EDIT);
                text = merged;
                version++;
            }
            c.shadow = shadow;
            c.n = n;
            c.backup = shadow;
            c.backupM = c.m;
            long m = c.m;
            List<Object> ops = null;
            if (!shadow.equals(text)) {
                ops = TextOps.diff(shadow, text);
                c.shadow = text;
                c.m++;
            }
            response = new SyncResponse(req.seq(), c.n, m, ops, TextOps.hash(c.shadow), version, null);
        }
        if (changed) {
            pokeOthers(c);
        }
        return response;
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
                log.record(sectionId, version + 1, merged, TextOps.diff(text, merged), authorId, kind);
                text = merged;
                version++;
            }
            result = new Merge(text, version);
        }
        if (changed) {
            pokeOthers(null);
        }
        return result;
    }

    private void pokeOthers(Shadow except) {
        List<Shadow> targets = new ArrayList<>(shadows);
        for (Shadow s : targets) {
            if (s != except) {
                notify(s, Listener::changed);
            }
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
