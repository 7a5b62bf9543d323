package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import fr.atelier51.account.domain.Account;
import fr.atelier51.base.ui.BusinessErrorView;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.KaribuTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.TextOps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/** The history view and the workspace's history link, preview and filed banner, browserless, role by role. */
class HistoryViewTest extends KaribuTest {

    @Autowired
    LetterService letters;
    @Autowired
    ProjectWorkflow workflow;

    Fixtures.Cast cast;
    long id;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Lettre à l’historique");
        id = cast.project().getId();
    }

    private void write(Account who, SectionKey key, String text) {
        as(who, () -> {
            long base = letters.letter(id).get(key.ordinal()).version();
            letters.write(id, key, base, text, ChangeKind.API);
        });
    }

    private static String html(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getOuterHTML();
    }

    @Test
    void aHolderComparesTwoVersionsRestoresOneAndNamesTheLetter() {
        write(cast.holderA(), SectionKey.CONTEXTE, "Les patients sortent trop tôt.");
        write(cast.coachAssigned(), SectionKey.CONTEXTE, "Les patients âgés sortent trop tôt de l’hôpital.");
        login(cast.holderA());
        navigate("projects/" + id + "/letter/history?section=contexte");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(HistoryView.class);
        assertThat(_find(Div.class, spec -> spec.withClasses("history-session"))).hasSize(2);
        String newest = _get(Div.class, spec -> spec.withId("session-2")).getElement().getTextRecursively();
        assertThat(newest).contains("Coralie", "API", "+").contains("1 modification");

        _get(Checkbox.class, spec -> spec.withId("pick-1")).setValue(true);
        _get(Checkbox.class, spec -> spec.withId("pick-2")).setValue(true);
        String diff = html("history-diff");
        assertThat(diff).contains("De la version 1 à la version 2")
                .contains("<ins title=\"Ajouté :\"><span class=\"sr-only\">Ajouté : </span>âgés ")
                .contains("<ins").contains(" de l’hôpital");
        assertThat(diff).doesNotContain("<del"); // nothing was removed

        _click(_get(Button.class, spec -> spec.withId("restore-1")));
        assertThat(_find(Div.class, spec -> spec.withClasses("history-session"))).hasSize(3);
        assertThat(_get(Div.class, spec -> spec.withId("session-3")).getElement().getTextRecursively())
                .contains("restauration", "Alice");
        assertThat(as(cast.holderA(), () -> letters.letter(id)).get(SectionKey.CONTEXTE.ordinal()).text())
                .isEqualTo("Les patients sortent trop tôt.");

        TextField name = _get(TextField.class, spec -> spec.withId("named-name"));
        _click(_get(Button.class, spec -> spec.withId("named-create")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Donnez un nom à la version.");
        name.setValue("Envoyée au coach le 3 mars");
        _click(_get(Button.class, spec -> spec.withId("named-create")));
        assertThat(_get(Div.class, spec -> spec.withId("named-list")).getElement().getTextRecursively())
                .contains("Envoyée au coach le 3 mars", "par Alice");
        Button compare = _find(Button.class).stream().filter(b -> b.getId().orElse("").startsWith("named-compare-"))
                .findFirst().orElseThrow();
        _click(compare);
        assertThat(_get(Paragraph.class, spec -> spec.withId("named-no-change")).getText())
                .isEqualTo("Aucune modification depuis cette version.");
    }

    @Test
    void anAdminReadsWithoutRestoringOrNamingAndAnOutsiderIsRefused() {
        write(cast.holderA(), SectionKey.OBJECTIFS, "Réduire les réhospitalisations.");
        write(cast.holderA(), SectionKey.OBJECTIFS, "Réduire de 20 % les réhospitalisations.");
        login(cast.admin());
        navigate("projects/" + id + "/letter/history?section=objectifs");
        assertThat(_find(Div.class, spec -> spec.withClasses("history-session"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withClasses("history-restore"))).isEmpty();
        assertThat(_find(Button.class).stream().filter(b -> b.getId().orElse("").startsWith("restore-"))).isEmpty();
        assertThat(_find(TextField.class, spec -> spec.withId("named-name"))).isEmpty();

        login(cast.holderB());
        navigate("projects/" + id + "/letter/history?section=objectifs");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(BusinessErrorView.class);
        login(cast.coachOther());
        navigate("projects/" + id + "/letter/history");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(BusinessErrorView.class);
    }

    @Test
    void theWorkspaceLinksTheHistoryAndPreviewsTheSectionAsItChanges() {
        write(cast.holderA(), SectionKey.DESCRIPTION, "Un **parcours** coordonné :\n\n- sortie\n- suivi");
        login(cast.holderA());
        navigate("projects/" + id + "/letter?section=description");
        assertThat(_get(Anchor.class, spec -> spec.withId("history-link")).getHref())
                .isEqualTo("projects/" + id + "/letter/history?section=description");
        assertThat(_find(Div.class, spec -> spec.withId("letter-preview"))).isEmpty(); // hidden until asked for
        Button toggle = _get(Button.class, spec -> spec.withId("preview-toggle"));
        assertThat(toggle.getText()).isEqualTo("Aperçu");
        _click(toggle);
        Div preview = _get(Div.class, spec -> spec.withId("letter-preview"));
        assertThat(toggle.getText()).isEqualTo("Masquer l’aperçu");
        assertThat(toggle.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(preview.getElement().getOuterHTML()).contains("<strong>parcours</strong>", "<li>sortie</li>");

        // Typing in the editor: the preview follows the sync.
        SectionEditor editor = _get(SectionEditor.class);
        String base = editor.session().startText();
        String typed = base + "\n- _relais_ à domicile";
        editor.sync("{\"seq\":1,\"m\":0,\"edits\":[{\"n\":0,\"ops\":" + opsJson(base, typed) + ",\"h\":" + TextOps.hash(typed) + "}]}");
        assertThat(preview.getElement().getOuterHTML()).contains("<em>relais</em> à domicile");
        // A written <script> stays text.
        write(cast.coachAssigned(), SectionKey.DESCRIPTION, typed + "\n\n<script>alert(1)</script>");
        editor.sync("{\"seq\":2,\"m\":0,\"edits\":[]}");
        assertThat(preview.getElement().getOuterHTML()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(_find(Div.class, spec -> spec.withId("letter-filed"))).isEmpty();
    }

    @Test
    void afterFilingTheWorkspaceSaysSoAndTheHistoryLabelsLaterChanges() {
        write(cast.holderA(), SectionKey.DUREE, "Trois ans.");
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        as(cast.coachAssigned(), () -> workflow.apply(id, StatusChange.of(Transition.VALIDATE)));
        LocalDate filedOn = LocalDate.of(2026, 3, 2);
        if (filedOn.isAfter(LocalDate.now(ZoneId.of("Europe/Paris")))) {
            filedOn = LocalDate.now(ZoneId.of("Europe/Paris"));
        }
        LocalDate on = filedOn;
        as(cast.holderA(), () -> workflow.apply(id, new StatusChange(Transition.FILE, null, on, "ARS Occitanie")));
        write(cast.holderA(), SectionKey.DUREE, "Trois ans, dont six mois d’inclusion.");

        login(cast.coachAssigned());
        navigate("projects/" + id + "/letter?section=duree");
        Div banner = _get(Div.class, spec -> spec.withId("letter-filed"));
        assertThat(banner.getElement().getTextRecursively()).startsWith("Lettre déposée le " + HistoryLabels.date(banner, on))
                .contains("« modifications après dépôt »");
        assertThat(_get(Anchor.class, spec -> spec.withId("letter-filed-link")).getHref()).isEqualTo("projects/" + id + "/filed");

        navigate("projects/" + id + "/letter/history?section=duree");
        assertThat(_get(Div.class, spec -> spec.withId("session-2")).getElement().getTextRecursively())
                .contains("modifications après dépôt");
        assertThat(_get(Div.class, spec -> spec.withId("session-1")).getElement().getTextRecursively())
                .doesNotContain("modifications après dépôt").contains("★ Déposée le " + HistoryLabels.date(banner, on))
                .contains("★ Envoyée au coach le");
    }

    @Test
    void inEnglishTheHistoryNamesKindsAndAutomaticVersionsInEnglish() {
        write(cast.holderA(), SectionKey.INTITULE, "Suivi à domicile.");
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        as(cast.coachAssigned(), () -> fixtures.rememberLanguage(java.util.Locale.ENGLISH));
        login(cast.coachAssigned());
        navigate("projects/" + id + "/letter/history");
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withText("Letter history — Lettre à l’historique")))
                .isNotNull();
        assertThat(_get(Div.class, spec -> spec.withId("session-1")).getElement().getTextRecursively())
                .contains("Alice", "API", "1 change", "★ Sent to the coach on ");
        assertThat(_get(Div.class, spec -> spec.withId("named-list")).getElement().getTextRecursively())
                .contains("Sent to the coach on ", "by Alice");
        _get(Checkbox.class, spec -> spec.withId("pick-1")).setValue(true);
        assertThat(html("history-diff")).contains("From version 0 to version 1", "<ins title=\"Added:\">");
    }

    private static String opsJson(String base, String text) {
        StringBuilder sb = new StringBuilder("[");
        for (Object op : TextOps.diff(base, text)) {
            if (sb.length() > 1) sb.append(',');
            sb.append(op instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"" : op);
        }
        return sb.append(']').toString();
    }
}
