package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.LiveSection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells a view, over push, that a section's text changed, without editing it: a session on the section that never
 * syncs, so the engine pokes it after every durable change. Pokes are coalesced: a change after a quiet moment
 * updates the view at once, and while people type the view updates at most once per {@link #EVERY}, so typing does
 * not redraw it per keystroke.
 * Open it when the view is attached (it reads the signed-in account then) and {@link #close()} it when detached.
 */
final class LiveTextWatch implements LiveSection.Listener {

    /** At most one update per this delay while people type. */
    static final Duration EVERY = Duration.ofMillis(500);
    /** Updates run here (a view's update reads the database): never on the engine's fan-out or a shared pool. */
    private static final Executor UPDATES = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("a51-live-view-", 0).factory());

    private final UI ui;
    private final Command changed;
    private final Command revoked;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** When the last update started (nanoTime), or long ago. */
    private volatile long lastUpdate = System.nanoTime() - 2 * EVERY.toNanos();
    private volatile boolean closed;
    private LetterService.EditorSession session;

    /** Not attached to any section (tests); {@link #open} attaches one. */
    LiveTextWatch(UI ui, Command changed, Command revoked) {
        this.ui = ui;
        this.changed = changed;
        this.revoked = revoked;
    }

    /** Starts watching (access checked by {@link LetterService#open}: NotFoundException when not readable). */
    static LiveTextWatch open(UI ui, LetterService letters, long projectId, SectionKey key, Command changed, Command revoked) {
        LiveTextWatch watch = new LiveTextWatch(ui, changed, revoked);
        watch.session = letters.open(projectId, key, watch);
        return watch;
    }

    @Override
    public void changed() {
        if (closed || !pending.compareAndSet(false, true)) {
            return; // an update is already on its way: it will read this change too
        }
        long wait = Math.max(0, lastUpdate + EVERY.toNanos() - System.nanoTime());
        CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, UPDATES).execute(() -> {
            lastUpdate = System.nanoTime();
            pending.set(false); // a change from now on schedules another update
            run(changed);
        });
    }

    @Override
    public void revoked() {
        run(revoked);
        close();
    }

    private void run(Command command) {
        if (closed) {
            return;
        }
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            close(); // the page is gone
        }
    }

    void close() {
        closed = true;
        LetterService.EditorSession s = session;
        if (s != null) {
            session = null;
            s.close();
        }
    }
}
