package fr.atelier51.workspace.service;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Who is in a project's letter and where (section, caret): each change is told to everyone in the room. */
final class PresenceRoom {

    /** Carets move with every keystroke: their moves reach the room at most this often (joins and leaves at once). */
    static final long CARET_BROADCAST_MS = 100;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean broadcastPending = new AtomicBoolean();
    private final Map<String, Presence> people = new ConcurrentHashMap<>();
    private final Map<String, Consumer<List<Presence>>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Runnable> revokers = new ConcurrentHashMap<>();

    PresenceRoom(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    void join(Presence p, Consumer<List<Presence>> listener, Runnable revoked) {
        people.put(p.sessionId(), p);
        listeners.put(p.sessionId(), listener);
        revokers.put(p.sessionId(), revoked);
        broadcast();
    }

    boolean isEmpty() {
        return people.isEmpty();
    }

    void update(String sessionId, UnaryOperator<Presence> change) {
        Presence before = people.get(sessionId);
        Presence after = people.computeIfPresent(sessionId, (id, p) -> change.apply(p));
        if (after == null) {
            return;
        }
        if (before != null && Objects.equals(before.section(), after.section())) {
            broadcastSoon(); // a caret move: with the others of the next few milliseconds
        } else {
            broadcast(); // someone went to another section: at once
        }
    }

    private void broadcastSoon() {
        if (broadcastPending.compareAndSet(false, true)) {
            try {
                scheduler.schedule(() -> {
                    broadcastPending.set(false);
                    broadcast();
                }, CARET_BROADCAST_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                broadcastPending.set(false); // the app is stopping
            }
        }
    }

    void leave(String sessionId) {
        people.remove(sessionId);
        listeners.remove(sessionId);
        revokers.remove(sessionId);
        broadcast();
    }

    void revoke(long accountId) {
        for (Presence p : List.copyOf(people.values())) {
            if (p.accountId() == accountId) {
                Runnable r = revokers.get(p.sessionId());
                leave(p.sessionId());
                if (r != null) {
                    r.run();
                }
            }
        }
    }

    private void broadcast() {
        List<Presence> snapshot = people.values().stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        for (Consumer<List<Presence>> l : listeners.values()) {
            try {
                l.accept(snapshot);
            } catch (RuntimeException e) {
                // a detached view must not stop the others
            }
        }
    }
}
