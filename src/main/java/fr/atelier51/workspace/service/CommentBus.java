package fr.atelier51.workspace.service;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tells the open workspaces of a project that its threads changed, once the change is committed (so what they
 * read back is there). Listeners are called on the writer's thread: they hand the work to their own UI.
 */
@Component
public class CommentBus {

    private final Map<Long, Set<Consumer<CommentsChanged>>> listeners = new ConcurrentHashMap<>();

    /** @return call it to stop listening */
    public Runnable listen(long projectId, Consumer<CommentsChanged> listener) {
        listeners.computeIfAbsent(projectId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(projectId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void changed(CommentsChanged event) {
        for (Consumer<CommentsChanged> l : listeners.getOrDefault(event.projectId(), Set.of())) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                // a detached view must not stop the others
            }
        }
    }

    int listenerCount(long projectId) {
        return listeners.getOrDefault(projectId, Set.of()).size();
    }
}
