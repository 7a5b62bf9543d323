package fr.atelier51.workspace.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the open pages of one project that its named versions changed, once the change is committed (so what they
 * read back is there; a rolled-back naming tells nobody). Listeners are kept per project, so a page never hears of
 * another project. Subscribe through {@link NamedVersionService#listen}, which checks that the caller may read the
 * letter. Listeners are called on the writer's thread: they hand the work to their own UI.
 */
@Component
public class NamedVersionBus {

    private static final Logger LOG = LoggerFactory.getLogger(NamedVersionBus.class);

    private final Map<Long, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    /** @return call it to stop listening */
    Runnable listen(long projectId, Runnable listener) {
        listeners.computeIfAbsent(projectId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(projectId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void changed(NamedVersionsChanged event) {
        for (Runnable l : listeners.getOrDefault(event.projectId(), Set.of())) {
            try {
                l.run();
            } catch (RuntimeException e) {
                // one broken page must not keep the others from being told
                LOG.warn("A named-versions listener failed", e);
            }
        }
    }

    /** How many pages listen to this project now (tests: detached pages must unsubscribe). */
    public int listenerCount(long projectId) {
        return listeners.getOrDefault(projectId, Set.of()).size();
    }
}
