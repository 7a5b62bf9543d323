package fr.atelier51.letter;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.letter.ui.FiledLetterView;
import fr.atelier51.portfolio.service.PortfolioRow;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.KaribuTest;
import fr.atelier51.workspace.service.LetterService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/** The readiness panel with the coach's decisions, the filed letter's page, the portfolio's readiness and reminders. */
class FilingViewsTest extends KaribuTest {

    @Autowired
    ProjectWorkflow workflow;
    @Autowired
    LetterService letters;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.Cast cast;
    long id;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Plaies chroniques en Bretagne");
        id = cast.project().getId();
        as(cast.holderA(), () -> letters.letter(id));
        CompleteLetter.sections("Plaies chroniques en Bretagne").forEach((key, text) ->
                jdbc.update("update letter_section set body = ?, body_version = version where project_id = ? and section_key = ?", text, id, key));
    }

    @Test
    void theCoachDecidesEachCriterionAndTheHolderReadsIt() {
        login(cast.coachAssigned());
        navigate("projects/" + id + "/readiness");
        assertThat(text("readiness-overall")).contains("Prête pour la revue du coach");
        assertThat(_get(Paragraph.class, spec -> spec.withId("readiness-explain")).getText()).contains("validée par le coach");

        _click(_get(Button.class, spec -> spec.withId("refuse-EFFICIENCE")));
        TextArea comment = _get(TextArea.class, spec -> spec.withId("comment-EFFICIENCE"));
        assertThat(comment.isInvalid()).isTrue();
        assertThat(comment.getErrorMessage()).startsWith("Dites au porteur ce qui manque");

        comment.setValue("Chiffrer le coût évité par patient.");
        _click(_get(Button.class, spec -> spec.withId("refuse-EFFICIENCE")));
        assertThat(text("decision-EFFICIENCE")).contains("Non validé par le coach", cast.coachAssigned().getDisplayName(),
                "Chiffrer le coût évité par patient.");
        _click(_get(Button.class, spec -> spec.withId("validate-FAISABILITE")));
        assertThat(text("decision-FAISABILITE")).contains("Validé par le coach");
        _click(_get(Button.class, spec -> spec.withId("validate-INNOVATION")));
        _click(_get(Button.class, spec -> spec.withId("validate-REPRODUCTIBILITE")));
        assertThat(text("readiness-overall")).contains("Prête pour la revue du coach");
        assertThat(text("decision-INNOVATION")).contains("Validé par le coach");

        login(cast.holderA());
        navigate("projects/" + id + "/readiness");
        assertThat(text("decision-EFFICIENCE")).contains("Non validé par le coach", "Chiffrer le coût évité par patient.");
        assertThat(_find(Button.class, spec -> spec.withId("validate-INNOVATION"))).isEmpty();
        assertThat(_find(TextArea.class, spec -> spec.withId("comment-INNOVATION"))).isEmpty();

        as(cast.coachAssigned(), () -> fixtures.rememberLanguage(Locale.ENGLISH));
        login(cast.coachAssigned());
        navigate("projects/" + id + "/readiness");
        _click(_get(Button.class, spec -> spec.withId("validate-EFFICIENCE")));
        assertThat(text("readiness-overall")).contains("Validated by the coach");
        assertThat(text("decision-EFFICIENCE")).contains("Validated by the coach");
    }

    @Test
    void theFiledPageShowsTheFrozenLetterAndItsPdf() {
        login(cast.holderA());
        navigate("projects/" + id + "/filed");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(FiledLetterView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("filed-none")).getText()).isEqualTo("Aucune version de la lettre n’a encore été déposée.");

        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        as(cast.coachAssigned(), () -> workflow.apply(id, StatusChange.of(Transition.VALIDATE)));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        as(cast.holderA(), () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "ARS Bretagne")));

        navigate("projects/" + id);
        assertThat(_get(Anchor.class, spec -> spec.withId("export-dossier")).getHref()).isEqualTo("api/projects/" + id + "/dossier.zip");
        _get(Anchor.class, spec -> spec.withId("open-filed"));
        navigate("projects/" + id + "/filed");
        assertThat(text("filed-banner")).contains("Version déposée n° 1", "ARS Bretagne", cast.holderA().getDisplayName(), "lecture seule");
        assertThat(_get(Anchor.class, spec -> spec.withId("filed-pdf")).getHref()).isEqualTo("api/projects/" + id + "/filed/1.pdf");
        assertThat(text("filed-letter")).contains("11. Durée", "24 mois.");
        assertThat(_find(Paragraph.class, spec -> spec.withId("filed-changed"))).isEmpty();

        // The coach sees it too, in English when that is her language.
        as(cast.coachAssigned(), () -> fixtures.rememberLanguage(Locale.ENGLISH));
        login(cast.coachAssigned());
        navigate("projects/" + id + "/filed");
        assertThat(text("filed-banner")).contains("Filed version no. 1", "Frozen, read-only");
    }

    @Test
    void thePortfolioShowsReadinessRemindersAndOneClickLinks() {
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        login(cast.coachAssigned());
        navigate("portfolio");
        assertThat(text("pending-reviews")).contains("Relectures en attente (1)", "Plaies chroniques en Bretagne",
                cast.holderA().getDisplayName());
        Button bell = _get(Button.class, spec -> spec.withId("header-notice-portfolio"));
        assertThat(bell.getText()).isEqualTo("1");
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("1 relecture(s) en attente — voir le portefeuille");
        @SuppressWarnings("unchecked")
        Grid<PortfolioRow> grid = _get(Grid.class, spec -> spec.withId("portfolio-grid"));
        assertThat(_size(grid)).isEqualTo(1);
        PortfolioRow row = grid.getGenericDataView().getItems().findFirst().orElseThrow();
        assertThat(row.readiness()).isEqualTo(Readiness.Overall.READY_FOR_REVIEW);
        assertThat(row.completeness()).isBetween(50, 100);
        com.vaadin.flow.component.Component links = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "open");
        assertThat(_find(links, Anchor.class)).extracting(Anchor::getHref).contains("projects/" + id + "/letter",
                "projects/" + id + "/assistant", "projects/" + id + "/readiness", "projects/" + id + "/notes");
        @SuppressWarnings("unchecked")
        ComboBox<Readiness.Overall> readiness = _get(ComboBox.class, spec -> spec.withId("portfolio-readiness"));
        readiness.setValue(Readiness.Overall.VALIDATED_BY_COACH);
        assertThat(_size(grid)).isZero();
        readiness.setValue(Readiness.Overall.READY_FOR_REVIEW);
        assertThat(_size(grid)).isEqualTo(1);

        login(cast.coachOther());
        navigate("portfolio");
        assertThat(text("pending-reviews")).contains("Aucune relecture ne vous attend.");
        assertThat(_find(Button.class, spec -> spec.withId("header-notice-portfolio"))).isEmpty();
    }

    private static String text(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }
}
