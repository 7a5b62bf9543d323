package fr.atelier51.portfolio.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectRepository;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.service.ProjectStatusChanged;
import fr.atelier51.portfolio.domain.ReminderKind;
import fr.atelier51.portfolio.domain.ReviewReminder;
import fr.atelier51.portfolio.domain.ReviewReminderRepository;
import fr.atelier51.portfolio.domain.ReviewWait;
import fr.atelier51.portfolio.domain.ReviewWaitRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reminds coaches of the reviews they are asked for: when a review is requested, and once more when it has waited
 * more than {@code atelier51.reminders.overdue-days}. Each reminder belongs to one wait (one stay in REVUE_COACH) and
 * is unique per wait, coach and kind, so a daily check never repeats it. Shown in the coach's portfolio; e-mailed too
 * when SMTP is configured ({@link ReminderMailer}).
 */
@Service
@Transactional
public class ReviewReminders {

    /** A review a coach (or an admin) should look at. */
    public record PendingReview(long projectId, String title, String owner, Instant requestedAt, long daysWaiting, boolean overdue) {
    }

    private final ReviewWaitRepository waits;
    private final ReviewReminderRepository reminders;
    private final ProjectRepository projects;
    private final CurrentAccount currentAccount;
    private final ReminderMailer mailer;
    private final PendingReviewsLive live;
    private final int overdueDays;
    private final Clock clock = Clock.systemUTC();

    public ReviewReminders(ReviewWaitRepository waits, ReviewReminderRepository reminders, ProjectRepository projects,
                           CurrentAccount currentAccount, ReminderMailer mailer, PendingReviewsLive live,
                           @Value("${atelier51.reminders.overdue-days:5}") int overdueDays) {
        this.waits = waits;
        this.reminders = reminders;
        this.projects = projects;
        this.currentAccount = currentAccount;
        this.mailer = mailer;
        this.live = live;
        this.overdueDays = overdueDays;
    }

    /** In the workflow's transaction: a wait opens when a review is requested and ends when the project leaves review. */
    @EventListener
    public void onStatusChanged(ProjectStatusChanged event) {
        Instant now = clock.instant();
        if (event.from() == ProjectStatus.REVUE_COACH && event.to() != ProjectStatus.REVUE_COACH) {
            waits.findByProjectIdAndEndedAtIsNull(event.projectId()).forEach(w -> w.end(now));
        }
        if (event.to() == ProjectStatus.REVUE_COACH) {
            Project project = projects.findById(event.projectId()).orElseThrow();
            ReviewWait wait = waits.save(new ReviewWait(project.getId(), now));
            project.getCoaches().forEach(coach -> remind(wait, coach.getId(), ReminderKind.REQUESTED, now));
        }
        if (event.from() == ProjectStatus.REVUE_COACH || event.to() == ProjectStatus.REVUE_COACH) {
            // the assigned coaches' bells and every admin's list change once this commits
            projects.findById(event.projectId()).ifPresent(p ->
                    live.changed(p.getCoaches().stream().map(Account::getId).toList(), true));
        }
    }

    /** Once the request is committed, e-mail it (outside the workflow's transaction: a mail failure never undoes it). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void afterStatusCommitted(ProjectStatusChanged event) {
        if (event.to() == ProjectStatus.REVUE_COACH) {
            mailer.sendPending();
        }
    }

    /** The daily check (08:00 Paris by default). */
    @Scheduled(cron = "${atelier51.reminders.cron:0 0 8 * * *}", zone = "Europe/Paris")
    public void dailyCheck() {
        remindOverdue(clock.instant());
        mailer.sendPending();
    }

    /** Reminds every assigned coach of each review waiting more than the configured days at {@code now}; returns how many new. */
    public int remindOverdue(Instant now) {
        int created = 0;
        Set<Long> reminded = new HashSet<>();
        for (ReviewWait wait : waits.findByEndedAtIsNullAndStartedAtBefore(now.minus(Duration.ofDays(overdueDays)))) {
            Project project = projects.findById(wait.getProjectId()).orElse(null);
            if (project == null || project.getStatus() != ProjectStatus.REVUE_COACH) {
                continue;
            }
            for (Account coach : project.getCoaches()) {
                if (remind(wait, coach.getId(), ReminderKind.OVERDUE, now)) {
                    created++;
                    reminded.add(coach.getId());
                }
            }
        }
        if (!reminded.isEmpty()) {
            live.changed(reminded, false); // the late flag (or, for a coach assigned after the request, the review itself)
        }
        return created;
    }

    private boolean remind(ReviewWait wait, long coachId, ReminderKind kind, Instant now) {
        if (reminders.existsByWaitAndCoachIdAndKind(wait, coachId, kind)) {
            return false;
        }
        reminders.save(new ReviewReminder(wait, coachId, kind, now));
        return true;
    }

    /**
     * The reviews waiting for the signed-in coach (an admin: every review waiting), oldest request first. Holders have
     * none.
     */
    @Transactional(readOnly = true)
    public List<PendingReview> pending() {
        Account caller = currentAccount.require();
        Instant now = clock.instant();
        Map<ReviewWait, Boolean> open = new LinkedHashMap<>();
        if (caller.getRole() == Role.ADMIN) {
            waits.findByEndedAtIsNullOrderByStartedAtAsc().forEach(w -> open.put(w, false));
        } else if (caller.getRole() == Role.COACH) {
            for (ReviewReminder r : reminders.findByCoachIdAndWaitEndedAtIsNullOrderByIdAsc(caller.getId())) {
                open.merge(r.getWait(), r.getKind() == ReminderKind.OVERDUE, Boolean::logicalOr);
            }
        }
        Set<Long> ids = open.keySet().stream().map(ReviewWait::getProjectId).collect(Collectors.toSet());
        Map<Long, Project> byId = projects.findAllById(ids).stream().collect(Collectors.toMap(Project::getId, p -> p));
        return open.entrySet().stream()
                .filter(e -> byId.containsKey(e.getKey().getProjectId()))
                .filter(e -> caller.getRole() == Role.ADMIN || byId.get(e.getKey().getProjectId()).isAssignedCoach(caller))
                .map(e -> {
                    ReviewWait w = e.getKey();
                    Project p = byId.get(w.getProjectId());
                    long days = Duration.between(w.getStartedAt(), now).toDays();
                    return new PendingReview(p.getId(), p.getTitle(), p.getOwner().getDisplayName(), w.getStartedAt(), days,
                            e.getValue() || days > overdueDays);
                })
                .sorted(Comparator.comparing(PendingReview::requestedAt))
                .toList();
    }

    public int overdueDays() {
        return overdueDays;
    }
}
