package fr.atelier51.project;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectEventType;
import fr.atelier51.project.service.NewProject;
import fr.atelier51.project.service.ProjectPermissions;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access matrix of product.md, role by role, through the service (the views and the API call the same). */
@IntegrationTest
class ProjectAccessMatrixTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;

    Account holderA;
    Account holderB;
    Account coachAssigned;
    Account coachOther;
    Account admin;
    Project projectOfA;

    @BeforeEach
    void setUp() {
        Fixtures.Cast cast = fixtures.cast("Projet d'Alice");
        holderA = cast.holderA();
        holderB = cast.holderB();
        coachAssigned = cast.coachAssigned();
        coachOther = cast.coachOther();
        admin = cast.admin();
        projectOfA = cast.project();
    }

    @Test
    void anonymousIsRefusedEverything() {
        assertThatThrownBy(() -> projects.get(projectOfA.getId())).isInstanceOf(BusinessException.class)
                .hasMessage("account.error.not-signed-in");
        assertThatThrownBy(() -> projects.listVisible()).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> projects.create(new NewProject("x", "", "", Set.of()))).isInstanceOf(BusinessException.class);
    }

    @Test
    void ownerReadsWorksInvitesButCannotAssignCoaches() {
        assertThat(as(holderA, () -> projects.get(projectOfA.getId())).getTitle()).isEqualTo("Projet d'Alice");
        assertThat(as(holderA, () -> projects.listVisible())).extracting(Project::getId).containsExactly(projectOfA.getId());
        assertThat(as(holderA, () -> projects.permissions(projectOfA.getId())))
                .isEqualTo(new ProjectPermissions(true, true, false, false));
        assertThatThrownBy(() -> as(holderA, () -> projects.assignCoach(projectOfA.getId(), coachOther.getId())))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void otherHolderNeverSeesNorChangesTheProject() {
        long id = projectOfA.getId();
        assertThat(as(holderB, () -> projects.listVisible())).isEmpty();
        assertThatThrownBy(() -> as(holderB, () -> projects.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(holderB, () -> projects.timeline(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(holderB, () -> projects.permissions(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(holderB, () -> projects.inviteCoHolder(id, holderB.getEmail())))
                .isInstanceOf(NotFoundException.class);
        // Same answer as for an id that does not exist, so ids cannot be probed.
        assertThatThrownBy(() -> as(holderB, () -> projects.get(Long.MAX_VALUE))).isInstanceOf(NotFoundException.class)
                .hasMessage("project.error.not-found");
        assertThat(as(holderA, () -> projects.get(id)).getCoHolders()).doesNotContain(holderB);
    }

    @Test
    void invitedCoHolderWorksOnTheProjectButCannotInvite() {
        long id = projectOfA.getId();
        as(holderA, () -> projects.inviteCoHolder(id, holderB.getEmail().toUpperCase()));
        assertThat(as(holderB, () -> projects.listVisible())).extracting(Project::getId).containsExactly(id);
        assertThat(as(holderB, () -> projects.permissions(id))).isEqualTo(new ProjectPermissions(true, false, false, false));
        Account third = fixtures.account(Role.HOLDER, "Théo");
        assertThatThrownBy(() -> as(holderB, () -> projects.inviteCoHolder(id, third.getEmail())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(as(holderA, () -> projects.timeline(id))).extracting(e -> e.getType())
                .contains(ProjectEventType.CREATED, ProjectEventType.COACH_ASSIGNED, ProjectEventType.CO_HOLDER_ADDED);
    }

    @Test
    void removedCoHolderLosesAccessAtOnce() {
        long id = projectOfA.getId();
        as(holderA, () -> projects.inviteCoHolder(id, holderB.getEmail()));
        assertThatThrownBy(() -> as(holderB, () -> projects.removeCoHolder(id, holderB.getId()))).isInstanceOf(ForbiddenException.class);
        as(holderA, () -> projects.removeCoHolder(id, holderB.getId()));
        assertThatThrownBy(() -> as(holderB, () -> projects.get(id))).isInstanceOf(NotFoundException.class);
        assertThat(as(holderA, () -> projects.timeline(id))).extracting(e -> e.getType()).contains(ProjectEventType.CO_HOLDER_REMOVED);
    }

    @Test
    void assignedCoachWorksAndSeesPrivateNotesButCannotInviteOrAssign() {
        long id = projectOfA.getId();
        assertThat(as(coachAssigned, () -> projects.listVisible())).extracting(Project::getId).contains(id);
        assertThat(as(coachAssigned, () -> projects.permissions(id))).isEqualTo(new ProjectPermissions(true, false, false, true));
        assertThatThrownBy(() -> as(coachAssigned, () -> projects.inviteCoHolder(id, holderB.getEmail())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(coachAssigned, () -> projects.assignCoach(id, coachOther.getId())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(coachAssigned, () -> projects.create(new NewProject("Projet de coach", "", "", Set.of()))))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void coachNotAssignedSeesNothing() {
        long id = projectOfA.getId();
        assertThat(as(coachOther, () -> projects.listVisible())).extracting(Project::getId).doesNotContain(id);
        assertThatThrownBy(() -> as(coachOther, () -> projects.get(id))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void adminReadsAllAndAssignsCoachesButDoesNotWorkOnTheLetter() {
        long id = projectOfA.getId();
        assertThat(as(admin, () -> projects.listVisible())).extracting(Project::getId).contains(id);
        assertThat(as(admin, () -> projects.permissions(id))).isEqualTo(new ProjectPermissions(false, false, true, true));
        as(admin, () -> projects.assignCoach(id, coachOther.getId()));
        assertThat(as(coachOther, () -> projects.get(id)).getCoaches()).contains(coachOther, coachAssigned);
        as(admin, () -> projects.unassignCoach(id, coachOther.getId()));
        assertThatThrownBy(() -> as(coachOther, () -> projects.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(admin, () -> projects.inviteCoHolder(id, holderB.getEmail())))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void deactivatedHolderLosesAccessAtOnce() {
        long id = projectOfA.getId();
        as(admin, () -> fixtures.deactivate(holderA));
        assertThatThrownBy(() -> as(holderA, () -> projects.get(id))).isInstanceOf(BusinessException.class)
                .hasMessage("account.error.not-signed-in");
    }
}
