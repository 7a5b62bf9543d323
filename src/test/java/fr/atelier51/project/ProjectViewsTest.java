package fr.atelier51.project;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.ui.LoginView;
import fr.atelier51.base.ui.BusinessErrorView;
import fr.atelier51.base.ui.NotFoundView;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectRepository;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.project.ui.ProjectView;
import fr.atelier51.project.ui.ProjectsView;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.KaribuTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectViewsTest extends KaribuTest {

    @Autowired
    ProjectRepository projectRepository;

    @Autowired
    LetterService letters;

    @Autowired
    ProjectService projects;

    @Autowired
    ProjectWorkflow workflow;

    @Test
    void anonymousVisitorIsSentToTheLoginPage() {
        navigate("");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void holderCreatesAProjectAndLandsOnItsHome() {
        Account holder = fixtures.account(Role.HOLDER, "Hélène");
        login(holder);
        navigate("");
        assertThat(_get(H2.class).getText()).isEqualTo("Mes projets");
        assertThat(_size(_get(Grid.class))).isZero();

        _click(_get(Button.class, spec -> spec.withId("new-project")));
        _get(TextField.class, spec -> spec.withId("project-title")).setValue("Parcours diabète en CPTS");
        _click(_get(Button.class, spec -> spec.withId("project-save")));

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ProjectView.class);
        assertThat(_get(H2.class, spec -> spec.withId("project-title-heading")).getText()).isEqualTo("Parcours diabète en CPTS");
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("status-banner")).getElement().getTextRecursively())
                .contains("Idée");
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("project-timeline"))
                .getElement().getTextRecursively()).contains("Hélène a créé le projet.");
    }

    @Test
    void emptyAndHugeTitlesAreRefusedInFrenchAndNothingIsSaved() {
        Account holder = fixtures.account(Role.HOLDER, "Igor");
        login(holder);
        navigate("");
        long before = projectRepository.count();
        _click(_get(Button.class, spec -> spec.withId("new-project")));
        _click(_get(Button.class, spec -> spec.withId("project-save")));
        Paragraph error = _get(Paragraph.class, spec -> spec.withId("project-error"));
        assertThat(error.getText()).isEqualTo("Donnez un titre au projet.");

        // The field caps typing at 200, but a pasted or scripted value reaches the server: it must refuse it.
        _get(TextField.class, spec -> spec.withId("project-title")).setMaxLength(0);
        _get(TextField.class, spec -> spec.withId("project-title")).setValue("x".repeat(10_000));
        _click(_get(Button.class, spec -> spec.withId("project-save")));
        assertThat(error.getText()).startsWith("Le titre ne doit pas dépasser 200 caractères");
        assertThat(projectRepository.count()).isEqualTo(before);
    }

    @Test
    void anotherHolderOpeningTheUrlIsRefused() {
        Account owner = fixtures.account(Role.HOLDER, "Olga");
        Account intruder = fixtures.account(Role.HOLDER, "Ivan");
        Project project = fixtures.projectOf(owner, "Projet confidentiel");
        login(intruder);
        navigate("projects/" + project.getId());
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(BusinessErrorView.class);
        assertThat(_get(BusinessErrorView.class).getElement().getTextRecursively())
                .contains("Ce projet n’existe pas, ou vous n’y avez pas accès.")
                .doesNotContain("Projet confidentiel");
    }

    @Test
    void malformedProjectIdGivesTheFrenchNotFoundPage() {
        login(fixtures.account(Role.HOLDER, "Nina"));
        navigate("projects/abc");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(_get(NotFoundView.class).getElement().getTextRecursively()).contains("Page introuvable");
    }

    @Test
    void ownerInvitesACoHolderAndAdminAssignsACoach() {
        Account owner = fixtures.account(Role.HOLDER, "Paul");
        Account partner = fixtures.account(Role.HOLDER, "Rita");
        Account coach = fixtures.account(Role.COACH, "Simone");
        Account admin = fixtures.account(Role.ADMIN, "Victor");
        Project project = fixtures.projectOf(owner, "Projet partagé");

        login(owner);
        navigate("projects/" + project.getId());
        assertThat(_find(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("assign-coach"))).isEmpty();
        _get(EmailField.class, spec -> spec.withId("invite-email")).setValue("inconnu@nulle-part.fr");
        _click(_get(Button.class, spec -> spec.withId("invite-button")));
        assertThat(_get(EmailField.class, spec -> spec.withId("invite-email")).getErrorMessage())
                .startsWith("Aucun compte actif avec cette adresse e-mail");
        _get(EmailField.class, spec -> spec.withId("invite-email")).setValue(partner.getEmail());
        _click(_get(Button.class, spec -> spec.withId("invite-button")));
        assertThat(as(partner, () -> fixtures.visibleProjectIds())).contains(project.getId());

        login(admin);
        navigate("projects/" + project.getId());
        assertThat(_find(EmailField.class, spec -> spec.withId("invite-email"))).isEmpty();
        @SuppressWarnings("unchecked")
        var coachBox = (com.vaadin.flow.component.combobox.ComboBox<Account>) _get(com.vaadin.flow.component.combobox.ComboBox.class,
                spec -> spec.withId("assign-coach"));
        coachBox.setValue(coach);
        _click(_get(Button.class, spec -> spec.withId("assign-button")));
        assertThat(as(coach, () -> fixtures.visibleProjectIds())).contains(project.getId());
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("project-timeline"))
                .getElement().getTextRecursively()).contains("Victor a attribué le projet au coach Simone.", "Paul a invité Rita comme co-porteur.");
    }

    @Test
    void holderMovesTheProjectOnFromTheStatusBanner() {
        Account holder = fixtures.account(Role.HOLDER, "Rémi");
        Project project = fixtures.projectOf(holder, "Projet à faire avancer");
        login(holder);
        navigate("projects/" + project.getId());
        assertThat(_find(Button.class, spec -> spec.withId("transition-VALIDATE"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("transition-START_WRITING")));
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("status-banner")).getElement().getTextRecursively())
                .contains("En rédaction");
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("project-timeline"))
                .getElement().getTextRecursively()).contains("Rémi a changé le statut : En rédaction.");

        _click(_get(Button.class, spec -> spec.withId("transition-REQUEST_REVIEW")));
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("transition-error")).getText())
                .startsWith("Aucun coach n’accompagne encore ce projet");
    }

    @Test
    void coachSeesOnlyAssignedProjectsAndCannotCreate() {
        Account coach = fixtures.account(Role.COACH, "Zoé");
        login(coach);
        navigate("");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ProjectsView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Projets que j’accompagne");
        assertThat(_find(Button.class, spec -> spec.withId("new-project"))).isEmpty();
        assertThat(_size(_get(Grid.class))).isZero();
    }

    @Test
    void exportsAreOfferedOnlyOnceTheLetterHasText() {
        Account owner = fixtures.account(Role.HOLDER, "Inès");
        Project project = fixtures.projectOf(owner, "Projet sans lettre");
        // The workspace pre-fills the title and the holder; a holder who clears them has nothing left to export.
        as(owner, () -> letters.letter(project.getId()).stream().filter(section -> !section.text().isBlank())
                .forEach(section -> letters.write(project.getId(), section.key(), section.version(), "", ChangeKind.API)));
        login(owner);
        navigate("projects/" + project.getId());
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("export-empty")).getText())
                .startsWith("rien à exporter tant que la lettre est vide");
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("export-pdf"))).isEmpty();

        as(owner, () -> letters.write(project.getId(), SectionKey.CONTEXTE, 0, "Un premier constat.", ChangeKind.API));
        navigate("projects/" + project.getId());
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("export-pdf")).getHref())
                .endsWith("api/projects/" + project.getId() + "/letter.pdf");
        assertThat(_find(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("export-empty"))).isEmpty();
    }

    @Test
    void aFiledProjectIsReopenedFromTheBannerByItsOwnerOrAnAdminOnly() {
        Fixtures.Cast cast = fixtures.cast("Projet déposé à rouvrir");
        long id = cast.project().getId();
        as(cast.holderA(), () -> projects.inviteCoHolder(id, cast.holderB().getEmail()));
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        as(cast.coachAssigned(), () -> workflow.apply(id, StatusChange.of(Transition.VALIDATE)));

        // the co-holder's page still shows « Rouvrir » from « prête »; the owner files meanwhile: a French refusal
        login(cast.holderB());
        navigate("projects/" + id);
        _click(_get(Button.class, spec -> spec.withId("transition-REOPEN")));
        as(cast.holderA(), () -> workflow.apply(id, new StatusChange(Transition.FILE, null,
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")), "ARS Occitanie")));
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("transition-error")).getText())
                .isEqualTo("Ce projet est déposé : seul le porteur principal ou un administrateur peut le rouvrir.");

        login(cast.coachAssigned());
        navigate("projects/" + id);
        assertThat(_find(Button.class, spec -> spec.withId("transition-RECORD_FAVORABLE"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("transition-REOPEN"))).isEmpty();

        login(cast.admin());
        navigate("projects/" + id);
        assertThat(_find(Button.class, spec -> spec.withId("transition-REOPEN"))).hasSize(1);

        login(cast.holderA());
        navigate("projects/" + id);
        _click(_get(Button.class, spec -> spec.withId("transition-REOPEN")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("reopen-filed-warning")).getText())
                .startsWith("Ce projet a été déposé le ").contains("la version déposée reste conservée");
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("status-banner")).getElement().getTextRecursively())
                .contains("En rédaction");
    }
}
