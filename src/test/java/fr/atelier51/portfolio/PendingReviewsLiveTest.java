package fr.atelier51.portfolio;

import fr.atelier51.account.domain.Account;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.HeaderNotice;
import fr.atelier51.portfolio.service.PendingReviewsLive;
import fr.atelier51.portfolio.service.ReviewReminders;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who is told that their pending reviews changed, and when: the assigned coaches and the admins, once the change is
 * committed (a listener re-reading its count then sees the new one), never for a refused change, never after
 * unsubscribing.
 */
@IntegrationTest
class PendingReviewsLiveTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectWorkflow workflow;
    @Autowired
    ProjectService projects;
    @Autowired
    ReviewReminders reminders;
    @Autowired
    PendingReviewsLive live;
    @Autowired
    List<HeaderNotice> notices;
    @Autowired
    PlatformTransactionManager transactions;

    Fixtures.Cast cast;
    long id;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Télésurveillance de l’insuffisance cardiaque");
        id = cast.project().getId();
    }

    /** Subscribes as the account, as an attached page does, and records the count it re-reads on each notice. */
    private List<Integer> listen(Account account, List<Runnable> stops) {
        List<Integer> counts = new CopyOnWriteArrayList<>();
        stops.add(as(account, () -> live.subscribe(() -> counts.add(as(account, () -> reminders.pending().size())))));
        return counts;
    }

    @Test
    void theAssignedCoachAndTheAdminsAreToldOnceTheRequestAndTheAnswerAreCommitted() {
        List<Runnable> stops = new CopyOnWriteArrayList<>();
        List<Integer> coach = listen(cast.coachAssigned(), stops);
        List<Integer> coachInAnotherTab = listen(cast.coachAssigned(), stops);
        List<Integer> otherCoach = listen(cast.coachOther(), stops);
        List<Integer> admin = listen(cast.admin(), stops);
        List<Integer> holder = listen(cast.holderA(), stops);

        // a request rolled back after it was made (e.g. a later step failed) tells nobody: notices wait for the commit
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
            status.setRollbackOnly();
        });
        assertThat(coach).isEmpty();
        assertThat(admin).isEmpty();

        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        assertThat(coach).containsExactly(1);
        assertThat(coachInAnotherTab).containsExactly(1);
        assertThat(admin).hasSize(1).allMatch(n -> n >= 1);
        assertThat(otherCoach).isEmpty();
        assertThat(holder).isEmpty();

        // a refused action changes nothing and tells nobody
        assertThatThrownBy(() -> as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.VALIDATE))))
                .isInstanceOf(BusinessException.class);
        assertThat(coach).containsExactly(1);

        as(cast.coachAssigned(), () -> workflow.apply(id,
                new StatusChange(Transition.REQUEST_CHANGES, "Préciser les critères d’inclusion.", null, null)));
        assertThat(coach).containsExactly(1, 0);
        assertThat(admin).hasSize(2);

        // a page that went away is no longer told
        stops.forEach(Runnable::run);
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        assertThat(coach).containsExactly(1, 0);
        assertThat(admin).hasSize(2);
    }

    @Test
    void aWithdrawnRequestAnUnassignedCoachAndALateReviewAreAnnouncedToo() {
        List<Runnable> stops = new CopyOnWriteArrayList<>();
        as(cast.admin(), () -> projects.assignCoach(id, cast.coachOther().getId()));
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        List<Integer> coach = listen(cast.coachAssigned(), stops);
        List<Integer> second = listen(cast.coachOther(), stops);

        as(cast.admin(), () -> projects.unassignCoach(id, cast.coachOther().getId()));
        assertThat(second).containsExactly(0);
        assertThat(coach).isEmpty();

        // the daily check flags the review late: the coach's list changes (the count stays)
        assertThat(reminders.remindOverdue(Instant.now().plus(30, ChronoUnit.DAYS))).isEqualTo(1);
        assertThat(coach).containsExactly(1);

        // the owner abandons the project while it waits: the review is withdrawn
        as(cast.holderA(), () -> workflow.apply(id, new StatusChange(Transition.ABANDON, "Financement trouvé ailleurs.", null, null)));
        assertThat(coach).containsExactly(1, 0);
        stops.forEach(Runnable::run);
    }

    @Test
    void theHeaderBellListensForCoachesOnly() {
        HeaderNotice bell = notices.stream().filter(n -> n.route().equals("portfolio")).findFirst().orElseThrow();
        int before = live.listenerCount();
        Runnable coachStop = as(cast.coachAssigned(), () -> bell.subscribe(() -> { }));
        Runnable holderStop = as(cast.holderA(), () -> bell.subscribe(() -> { }));
        assertThat(live.listenerCount()).isEqualTo(before + 1);
        coachStop.run();
        holderStop.run();
        assertThat(live.listenerCount()).isEqualTo(before);
    }
}
