package fr.atelier51.workspace.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The persistence of one live section: accepted changes queue in version order, and a caller that needs a version in
 * the database ({@link #awaitDurable}) writes everything queued so far in one transaction, or waits for the caller
 * already doing it (group commit: with many editors, one commit carries the changes that arrived while the previous
 * one was running). The queue is taken without the section's lock, which is busy with many editors.
 */
final class GroupCommit {

    /** The last persisted text and its version, read together. */
    record Durable(String text, long version) {
    }

    private final long sectionId;
    private final ChangeLog log;
    private final Runnable onFailure;
    private final ConcurrentLinkedQueue<ChangeLog.Change> pending = new ConcurrentLinkedQueue<>();
    private final Object writing = new Object();
    private volatile Durable durable;
    private volatile boolean failed;

    /** @param onFailure called once when the database refused a write (nothing queued is written after that) */
    GroupCommit(long sectionId, ChangeLog log, String text, long version, Runnable onFailure) {
        this.sectionId = sectionId;
        this.log = log;
        this.onFailure = onFailure;
        this.durable = new Durable(text, version);
    }

    /** Queues the next version (callers add versions in order, under the section's lock). */
    void queue(ChangeLog.Change change) {
        pending.add(change);
    }

    Durable durable() {
        return durable;
    }

    boolean failed() {
        return failed;
    }

    /** True when everything up to {@code version} is written. */
    boolean settled(long version) {
        return pending.isEmpty() && durable.version() == version;
    }

    /** Returns once {@code target} is in the database (throws when the write failed: nothing is acknowledged). */
    void awaitDurable(long target) {
        if (durable.version() >= target) {
            return;
        }
        synchronized (writing) {
            if (durable.version() >= target) {
                return;
            }
            if (failed) {
                throw new IllegalStateException("section " + sectionId + " could not be saved");
            }
            List<ChangeLog.Change> batch = new ArrayList<>();
            for (ChangeLog.Change next = pending.poll(); next != null; next = pending.poll()) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                log.recordAll(sectionId, batch);
            } catch (RuntimeException e) {
                failed = true;
                pending.clear();
                onFailure.run();
                throw e;
            }
            ChangeLog.Change last = batch.getLast();
            durable = new Durable(last.text(), last.version());
        }
    }
}
