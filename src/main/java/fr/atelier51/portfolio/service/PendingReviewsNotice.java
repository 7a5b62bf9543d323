package fr.atelier51.portfolio.service;

import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.HeaderNotice;
import org.springframework.stereotype.Component;

/** The header's bell for coaches: how many reviews wait for them, leading to their portfolio. */
@Component
class PendingReviewsNotice implements HeaderNotice {

    private final ReviewReminders reminders;
    private final CurrentAccount currentAccount;
    private final PendingReviewsLive live;

    PendingReviewsNotice(ReviewReminders reminders, CurrentAccount currentAccount, PendingReviewsLive live) {
        this.reminders = reminders;
        this.currentAccount = currentAccount;
        this.live = live;
    }

    @Override
    public int count() {
        return currentAccount.find().filter(a -> a.getRole() == Role.COACH).map(a -> reminders.pending().size()).orElse(0);
    }

    /** Only coaches have the bell, so only their pages listen. */
    @Override
    public Runnable subscribe(Runnable onChange) {
        return currentAccount.find().filter(a -> a.getRole() == Role.COACH).isPresent() ? live.subscribe(onChange) : () -> { };
    }

    @Override
    public String route() {
        return "portfolio";
    }

    @Override
    public String labelKey() {
        return "filing.reminders.bell";
    }
}
