package fr.atelier51.portfolio.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.project.service.ProjectMembershipChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the open pages of the people concerned that their pending reviews changed (the header bell, the portfolio's
 * « Relectures en attente »), so they update over Push without navigating. Pages subscribe per account while attached;
 * notices go out only once the change is committed, so a page never re-reads a state that is then rolled back.
 */
@Component
public class PendingReviewsLive {

    private static final Logger LOG = LoggerFactory.getLogger(PendingReviewsLive.class);

    /** One open page's listener; identity matters (one person may have several tabs open). */
    private static final class Listener {
        final long accountId;
        final boolean admin;
        final Runnable callback;

        Listener(long accountId, boolean admin, Runnable callback) {
            this.accountId = accountId;
            this.admin = admin;
            this.callback = callback;
        }
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final CurrentAccount currentAccount;

    public PendingReviewsLive(CurrentAccount currentAccount) {
        this.currentAccount = currentAccount;
    }

    /**
     * Calls {@code onChange} (from any thread) whenever the signed-in person's pending reviews may have changed;
     * returns what stops it. Nothing is subscribed for someone not signed in.
     */
    public Runnable subscribe(Runnable onChange) {
        Account account = currentAccount.find().orElse(null);
        if (account == null) {
            return () -> { };
        }
        Listener listener = new Listener(account.getId(), account.getRole() == Role.ADMIN, onChange);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many pages listen now (tests, and to check that detached pages unsubscribe). */
    public int listenerCount() {
        return listeners.size();
    }

    /**
     * The pending reviews of these accounts changed (and, if {@code admins}, the list every admin sees): they are told
     * once the current transaction commits, at once if there is none.
     */
    void changed(Collection<Long> accountIds, boolean admins) {
        Set<Long> ids = Set.copyOf(accountIds);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fire(ids, admins);
                }
            });
        } else {
            fire(ids, admins);
        }
    }

    /** A coach taken off a project no longer has its review waiting (see {@link ReviewReminders#pending()}). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onMembershipChanged(ProjectMembershipChanged event) {
        fire(Set.of(event.accountId()), false);
    }

    private void fire(Set<Long> accountIds, boolean admins) {
        for (Listener listener : listeners) {
            if (accountIds.contains(listener.accountId) || (admins && listener.admin)) {
                try {
                    listener.callback.run();
                } catch (RuntimeException e) {
                    // one broken page must not keep the others from being told
                    LOG.warn("A pending-reviews listener failed", e);
                }
            }
        }
    }
}
