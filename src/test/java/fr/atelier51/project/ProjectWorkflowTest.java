package fr.atelier51.project;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectEventType;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.project.service.ProjectStatusChanged;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.LocalDate;
import java.time.ZoneId;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may take which lifecycle action, and what each records. */
@IntegrationTest
@RecordApplicationEvents
class ProjectWorkflowTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;
    @Autowired
    ProjectWorkflow workflow;
    @Autowired
    ApplicationEvents applicationEvents;

    Account owner;
    Account coHolder;
    Account coach;
    Account otherCoach;
    Account admin;
    long id;
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

    @BeforeEach
    void setUp() {
        owner = fixtures.account(Role.HOLDER, "Odile");
        coHolder = fixtures.account(Role.HOLDER, "Charles");
        coach = fixtures.account(Role.COACH, "Camille");
        otherCoach = fixtures.account(Role.COACH, "Corentin");
        admin = fixtures.account(Role.ADMIN, "Aline");
        Project project = fixtures.projectOf(owner, "Projet du cycle de vie");
        id = project.getId();
        as(owner, () -> projects.inviteCoHolder(id, coHolder.getEmail()));
    }

    private Project apply(Account who, Transition t) {
        return as(who, () -> workflow.apply(id, StatusChange.of(t)));
    }

    @Test
    void fullLifecycleByTheRightPeople() {
        assertThat(as(owner, () -> workflow.available(id))).containsExactly(Transition.START_WRITING, Transition.REQUEST_REVIEW, Transition.ABANDON);
        assertThat(as(coHolder, () -> workflow.available(id))).containsExactly(Transition.START_WRITING, Transition.REQUEST_REVIEW);
        assertThat(as(admin, () -> workflow.available(id))).isEmpty();

        apply(coHolder, Transition.START_WRITING);
        assertThatThrownBy(() -> apply(owner, Transition.REQUEST_REVIEW)).isInstanceOf(BusinessException.class)
                .hasMessage("workflow.error.no-coach");
        as(admin, () -> projects.assignCoach(id, coach.getId()));
        apply(owner, Transition.REQUEST_REVIEW);

        assertThatThrownBy(() -> apply(owner, Transition.VALIDATE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(coach, () -> workflow.apply(id, new StatusChange(Transition.REQUEST_CHANGES, "  ", null, null))))
                .hasMessage("workflow.error.note-required");
        as(coach, () -> workflow.apply(id, new StatusChange(Transition.REQUEST_CHANGES, "Préciser la population cible.", null, null)));
        apply(owner, Transition.REQUEST_REVIEW);
        apply(coach, Transition.VALIDATE);
        assertThat(as(owner, () -> projects.get(id)).getStatus()).isEqualTo(ProjectStatus.PRETE);

        assertThatThrownBy(() -> as(coHolder, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "ARS Occitanie"))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(owner, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today.plusDays(1), "ARS Occitanie"))))
                .hasMessage("workflow.error.date-in-future");
        assertThatThrownBy(() -> as(owner, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, " "))))
                .hasMessage("workflow.error.destination-required");
        assertThat(as(owner, () -> workflow.proposedDestination(id))).isEqualTo("ARS Occitanie");
        Project filed = as(owner, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "ARS Occitanie")));
        assertThat(filed.getStatus()).isEqualTo(ProjectStatus.DEPOSEE);
        assertThat(filed.getFiledOn()).isEqualTo(today);
        assertThat(filed.getFiledDestination()).isEqualTo("ARS Occitanie");

        assertThatThrownBy(() -> as(otherCoach, () -> workflow.apply(id, new StatusChange(Transition.RECORD_FAVORABLE, null, today, null))))
                .isInstanceOf(fr.atelier51.base.service.NotFoundException.class);
        as(coach, () -> workflow.apply(id, new StatusChange(Transition.RECORD_FAVORABLE, "Avis du CTIS reçu.", today, null)));
        Project done = as(owner, () -> projects.get(id));
        assertThat(done.getStatus()).isEqualTo(ProjectStatus.AVIS_FAVORABLE);
        assertThat(done.getOutcomeOn()).isEqualTo(today);

        assertThat(as(owner, () -> projects.timeline(id))).filteredOn(e -> e.getType() == ProjectEventType.STATUS_CHANGED)
                .extracting(e -> e.getDetail())
                .containsExactly("AVIS_FAVORABLE", "DEPOSEE", "PRETE", "REVUE_COACH", "REDACTION", "REVUE_COACH", "REDACTION");
        assertThat(as(owner, () -> projects.timeline(id))).anyMatch(e -> "Préciser la population cible.".equals(e.getNote()));
        assertThat(applicationEvents.stream(ProjectStatusChanged.class))
                .anyMatch(e -> e.projectId() == id && e.to() == ProjectStatus.DEPOSEE && e.actorId() == owner.getId());
        assertThat(as(owner, () -> workflow.available(id))).isEmpty();
    }

    @Test
    void actionsOutOfTurnAreRefused() {
        assertThatThrownBy(() -> apply(owner, Transition.FILE)).isInstanceOf(BusinessException.class).hasMessage("workflow.error.not-now");
        Account stranger = fixtures.account(Role.HOLDER, "Sacha");
        assertThatThrownBy(() -> apply(stranger, Transition.START_WRITING)).isInstanceOf(fr.atelier51.base.service.NotFoundException.class);
    }

    @Test
    void onlyTheOwnerAbandonsAndMustSayWhy() {
        assertThatThrownBy(() -> apply(coHolder, Transition.ABANDON)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> apply(owner, Transition.ABANDON)).hasMessage("workflow.error.note-required");
        as(owner, () -> workflow.apply(id, new StatusChange(Transition.ABANDON, "Financement trouvé en droit commun.", null, null)));
        assertThat(as(owner, () -> projects.get(id)).getStatus()).isEqualTo(ProjectStatus.ABANDONNEE);
    }

    /** Brings the project to PRETE through the real workflow (coach assigned by the admin). */
    private void toReady() {
        as(admin, () -> projects.assignCoach(id, coach.getId()));
        apply(coHolder, Transition.REQUEST_REVIEW);
        apply(coach, Transition.VALIDATE);
        assertThat(as(owner, () -> projects.get(id)).getStatus()).isEqualTo(ProjectStatus.PRETE);
    }

    private void file() {
        as(owner, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "ARS Occitanie")));
    }

    @Test
    void fromReadyTheTeamMayReopenButNotAnAdminOrAnOutsider() {
        toReady();
        Account outsider = fixtures.account(Role.HOLDER, "Oscar");
        assertThat(as(coach, () -> workflow.available(id))).contains(Transition.REOPEN);
        assertThat(as(coHolder, () -> workflow.available(id))).contains(Transition.REOPEN);
        assertThat(as(admin, () -> workflow.available(id))).doesNotContain(Transition.REOPEN);
        assertThatThrownBy(() -> apply(admin, Transition.REOPEN)).isInstanceOf(ForbiddenException.class)
                .hasMessage("workflow.error.not-yours");
        assertThatThrownBy(() -> apply(outsider, Transition.REOPEN)).isInstanceOf(fr.atelier51.base.service.NotFoundException.class);
        assertThatThrownBy(() -> apply(otherCoach, Transition.REOPEN)).isInstanceOf(fr.atelier51.base.service.NotFoundException.class);

        assertThat(apply(coach, Transition.REOPEN).getStatus()).isEqualTo(ProjectStatus.REDACTION);
        apply(owner, Transition.REQUEST_REVIEW);
        apply(coach, Transition.VALIDATE);
        assertThat(apply(coHolder, Transition.REOPEN).getStatus()).isEqualTo(ProjectStatus.REDACTION);
    }

    @Test
    void aFiledProjectIsReopenedOnlyByItsOwnerOrAnAdmin() {
        toReady();
        file();
        Account outsider = fixtures.account(Role.HOLDER, "Oscar");

        // the assigned coach and the co-holder no longer see the action, and the service refuses it with its reason
        assertThat(as(coach, () -> workflow.available(id))).doesNotContain(Transition.REOPEN);
        assertThat(as(coHolder, () -> workflow.available(id))).doesNotContain(Transition.REOPEN);
        assertThatThrownBy(() -> apply(coach, Transition.REOPEN)).isInstanceOf(ForbiddenException.class)
                .hasMessage("workflow.error.reopen-filed");
        assertThatThrownBy(() -> apply(coHolder, Transition.REOPEN)).isInstanceOf(ForbiddenException.class)
                .hasMessage("workflow.error.reopen-filed");
        assertThatThrownBy(() -> apply(outsider, Transition.REOPEN)).isInstanceOf(fr.atelier51.base.service.NotFoundException.class);
        assertThat(as(owner, () -> projects.get(id)).getStatus()).isEqualTo(ProjectStatus.DEPOSEE);

        assertThat(as(owner, () -> workflow.available(id))).contains(Transition.REOPEN);
        assertThat(as(admin, () -> workflow.available(id))).containsExactly(Transition.REOPEN);
        assertThat(as(owner, () -> workflow.apply(id, new StatusChange(Transition.REOPEN, "Le CTIS demande de préciser le budget.", null, null)))
                .getStatus()).isEqualTo(ProjectStatus.REDACTION);
        assertThat(as(owner, () -> projects.timeline(id))).anyMatch(e -> e.getType() == ProjectEventType.STATUS_CHANGED
                && "REDACTION".equals(e.getDetail()) && "Le CTIS demande de préciser le budget.".equals(e.getNote())
                && e.getActor().getId().equals(owner.getId()));

        // filed again, then the admin reopens it
        apply(owner, Transition.REQUEST_REVIEW);
        apply(coach, Transition.VALIDATE);
        file();
        assertThat(apply(admin, Transition.REOPEN).getStatus()).isEqualTo(ProjectStatus.REDACTION);
        assertThat(applicationEvents.stream(ProjectStatusChanged.class))
                .anyMatch(e -> e.projectId() == id && e.from() == ProjectStatus.DEPOSEE && e.to() == ProjectStatus.REDACTION
                        && e.actorId() == admin.getId());
    }
}
