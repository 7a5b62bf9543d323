package fr.atelier51.portfolio;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.assistant.domain.Scope;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.portfolio.service.PortfolioRow;
import fr.atelier51.portfolio.service.PortfolioService;
import fr.atelier51.portfolio.ui.PortfolioView;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortfolioTest extends KaribuTest {

    @Autowired
    PortfolioService portfolio;
    @Autowired
    ProjectService projects;
    @Autowired
    AssistantService assistant;

    Account coach;
    Account admin;
    Account holder;
    Project followed;
    Project other;

    @BeforeEach
    void setUp() {
        coach = fixtures.account(Role.COACH, "Capucine");
        admin = fixtures.account(Role.ADMIN, "Anatole");
        holder = fixtures.account(Role.HOLDER, "Hortense");
        followed = fixtures.projectOf(holder, "=Suivi des plaies en EHPAD");
        other = fixtures.projectOf(holder, "Projet non suivi");
        as(admin, () -> projects.assignCoach(followed.getId(), coach.getId()));
        as(holder, () -> assistant.reply(followed.getId(),
                "Des infirmières libérales suivent les plaies chroniques en EHPAD dans le Finistère et le Morbihan, payées au forfait."));
    }

    @Test
    void coachSeesTheProjectsSheFollowsWithWhatTheAssistantEstablished() {
        List<PortfolioRow> rows = as(coach, () -> portfolio.rows());
        assertThat(rows).extracting(PortfolioRow::projectId).contains(followed.getId()).doesNotContain(other.getId());
        PortfolioRow row = rows.stream().filter(r -> r.projectId() == followed.getId()).findFirst().orElseThrow();
        assertThat(row.status()).isEqualTo(ProjectStatus.IDEE);
        assertThat(row.scope()).isEqualTo(Scope.LOCAL);
        assertThat(row.destination()).contains("ARS Bretagne");
        assertThat(row.daysSinceLastChange()).isZero();
        assertThat(as(admin, () -> portfolio.rows())).extracting(PortfolioRow::projectId).contains(followed.getId(), other.getId());
        assertThatThrownBy(() -> as(holder, () -> portfolio.rows())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theFilingDialogProposesTheAssistantsDestination(@Autowired fr.atelier51.project.service.ProjectWorkflow workflow) {
        assertThat(as(holder, () -> workflow.proposedDestination(followed.getId()))).isEqualTo("Directeur général de l’ARS Bretagne");
        assertThat(as(holder, () -> workflow.proposedDestination(other.getId()))).isEqualTo("ARS Occitanie");
    }

    @Test
    void csvIsSpreadsheetSafe() {
        List<PortfolioRow> rows = as(coach, () -> portfolio.rows());
        String csv = new String(PortfolioService.csv(rows, key -> key), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"id\";").contains("\"'=Suivi des plaies en EHPAD\"");
        assertThat(csv.lines()).hasSize(rows.size() + 1);
    }

    @Test
    void coachFiltersThePortfolio() {
        login(coach);
        navigate("portfolio");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(PortfolioView.class);
        @SuppressWarnings("unchecked")
        Grid<PortfolioRow> grid = _get(Grid.class, spec -> spec.withId("portfolio-grid"));
        assertThat(_size(grid)).isEqualTo(1);
        _get(TextField.class, spec -> spec.withId("portfolio-search")).setValue("plaies ehpad");
        assertThat(_size(grid)).isEqualTo(1);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<ProjectStatus> status = _get(MultiSelectComboBox.class, spec -> spec.withId("portfolio-status"));
        status.setValue(Set.of(ProjectStatus.DEPOSEE));
        assertThat(_size(grid)).isZero();
    }
}
