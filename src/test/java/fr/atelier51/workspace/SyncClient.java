package fr.atelier51.workspace;

import fr.atelier51.workspace.service.LiveSection;
import fr.atelier51.workspace.service.SyncRequest;
import fr.atelier51.workspace.service.SyncResponse;
import fr.atelier51.workspace.service.TextOps;

import java.util.ArrayList;
import java.util.List;

/**
 * The browser editor's sync logic (frontend/a51-section-editor.ts), in Java, for property tests and the
 * benchmark. Keep the two in step.
 */
public final class SyncClient {

    public String text;
    String shadow;
    /** The shadow when the server last acknowledged everything: the base of a rejoin's three-way merge. */
    String acked;
    long n;
    long m;
    final List<SyncRequest.ClientEdit> stack = new ArrayList<>();
    long seq;
    long awaitingSeq = -1;
    int rejoins;
    boolean broken;

    public SyncClient(String start) {
        this.text = start;
        this.shadow = start;
        this.acked = start;
    }

    public boolean awaiting() {
        return awaitingSeq >= 0;
    }

    /** The last answer could not be applied: the editor must rejoin. */
    public boolean broken() {
        return broken;
    }

    public boolean hasUnsent() {
        return !text.equals(shadow) || !stack.isEmpty();
    }

    /** Diffs the local text into the stack (only when sending, never while an answer is awaited) and sends all. */
    public SyncRequest prepare() {
        if (!text.equals(shadow)) {
            stack.add(new SyncRequest.ClientEdit(n, TextOps.diff(shadow, text), TextOps.hash(text)));
            n++;
            shadow = text;
        }
        seq++;
        awaitingSeq = seq;
        return new SyncRequest(seq, m, stack);
    }

    /** @return false when the answer is ignored (not the awaited one); throws nothing, marks broken on error. */
    public boolean receive(SyncResponse r) {
        if (r == null || r.seq() != awaitingSeq) {
            return false;
        }
        awaitingSeq = -1;
        if (!r.ok() || r.n() != n) {
            broken = true;
            return true;
        }
        stack.removeIf(e -> e.n() < r.n());
        if (r.ops() != null) {
            if (r.m() != m) {
                broken = true;
                return true;
            }
            String next;
            try {
                next = TextOps.apply(shadow, r.ops());
            } catch (IllegalArgumentException e) {
                broken = true;
                return true;
            }
            if (TextOps.hash(next) != r.h()) {
                broken = true;
                return true;
            }
            text = TextOps.mergeKnown(shadow, r.ops(), next, text);
            shadow = next;
            m++;
        } else if (TextOps.hash(shadow) != r.h()) {
            broken = true;
            return true;
        }
        acked = shadow;
        return true;
    }

    /**
     * The server's change pushed unasked (frontend: {@code push}): taken only when nothing is in flight and the
     * versions match, strictly; @return false when ignored (the editor then syncs, and the server takes it back).
     */
    public boolean push(SyncResponse r) {
        if (awaiting() || broken || r.ops() == null || r.n() != n || r.m() != m) {
            return false;
        }
        String next;
        try {
            next = TextOps.apply(shadow, r.ops());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (TextOps.hash(next) != r.h()) {
            return false;
        }
        text = TextOps.mergeKnown(shadow, r.ops(), next, text);
        shadow = next;
        m++;
        acked = shadow;
        return true;
    }

    /** After an error: a fresh shadow from the server, and our text merged three-way onto it. */
    public void rejoin(LiveSection.Start start) {
        // Unacknowledged edits may or may not have reached the server: merging from the last acknowledged shadow
        // may repeat one, but never drops one.
        text = TextOps.merge(acked, text, start.text());
        shadow = start.text();
        acked = shadow;
        n = 0;
        m = 0;
        stack.clear();
        seq = 0;
        awaitingSeq = -1;
        broken = false;
        rejoins++;
    }
}
