package fr.atelier51.workspace.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import fr.atelier51.account.domain.Account;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.KaribuTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.NamedVersionBus;
import fr.atelier51.workspace.service.NamedVersionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open history page takes in the versions named elsewhere (another person, a review request) without a reload,
 * keeping what its reader was doing; what push delivers is run by {@link MockVaadin#clientRoundtrip}.
 */
class NamedVersionsLiveTest extends KaribuTest {

    @Autowired
    LetterService letters;
    @Autowired
    NamedVersionService named;
    @Autowired
    NamedVersionBus bus;
    @Autowired
    ProjectWorkflow workflow;

    Fixtures.Cast cast;
    long id;
    long first;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Versions nommées partagées");
        id = cast.project().getId();
        write(cast.holderA(), "Les patients sortent trop tôt.");
        first = as(cast.holderA(), () -> named.name(id, "Premier jet")).getId();
        write(cast.holderA(), "Les patients âgés sortent trop tôt.");
        write(cast.holderA(), "Les patients âgés sortent trop tôt de l’hôpital.");
    }

    private void write(Account who, String text) {
        as(who, () -> {
            long base = letters.letter(id).get(SectionKey.CONTEXTE.ordinal()).version();
            letters.write(id, SectionKey.CONTEXTE, base, text, ChangeKind.API);
        });
    }

    private static String text(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static boolean listed(long namedId) {
        return !_find(Div.class, spec -> spec.withId("named-" + namedId)).isEmpty();
    }

    @Test
    void aVersionNamedElsewhereAppearsMarkedNewAndTheReadersWorkStays() {
        login(cast.coachAssigned());
        navigate("projects/" + id + "/letter/history?section=contexte");
        assertThat(bus.listenerCount(id)).isEqualTo(1);
        // The coach compares the first named version with now, ticks a session and starts typing a name.
        _click(_get(Button.class, spec -> spec.withId("named-compare-" + first)));
        String comparison = text("named-output");
        assertThat(comparison).contains("Changements depuis « Premier jet »");
        _get(Checkbox.class, spec -> spec.withId("pick-3")).setValue(true);
        String diff = text("history-diff");
        assertThat(diff).contains("De la version 1 à la version 3");
        TextField name = _get(TextField.class, spec -> spec.withId("named-name"));
        name.setValue("Relu avec Coralie");
        Div firstRow = _get(Div.class, spec -> spec.withId("named-" + first));

        // Another project's naming shows nowhere here; this project's, named by the holder, shows at once.
        Fixtures.Cast other = fixtures.cast("Projet voisin");
        long foreign = as(other.holderA(), () -> named.name(other.project().getId(), "Ailleurs")).getId();
        long sent = as(cast.holderA(), () -> named.name(id, "Envoyée à l’ARS")).getId();
        untilPushed("the named version", () -> listed(sent));
        assertThat(listed(foreign)).isFalse();
        assertThat(text("named-list")).doesNotContain("Ailleurs");

        Div fresh = _get(Div.class, spec -> spec.withId("named-" + sent));
        assertThat(fresh.getClassNames()).contains("history-named-new");
        assertThat(fresh.getElement().getTextRecursively()).contains("Envoyée à l’ARS", "nouvelle", "par Alice");
        assertThat(_get(Div.class, spec -> spec.withId("named-" + first)).getClassNames())
                .doesNotContain("history-named-new");
        assertThat(text("named-list").indexOf("Envoyée à l’ARS")).isLessThan(text("named-list").indexOf("Premier jet"));
        // What the coach was doing is untouched.
        assertThat(text("named-output")).isEqualTo(comparison);
        assertThat(_get(TextField.class, spec -> spec.withId("named-name")).getValue()).isEqualTo("Relu avec Coralie");
        assertThat(_get(Checkbox.class, spec -> spec.withId("pick-3")).getValue()).isTrue();
        assertThat(text("history-diff")).isEqualTo(diff);
        // The session it names carries its tag too.
        assertThat(text("session-3")).contains("★ Envoyée à l’ARS");
        assertThat(firstRow.isAttached()).isFalse(); // the list was redrawn, nothing else

        // The coach's own naming is not "new" to them; the holder's stays marked.
        _click(_get(Button.class, spec -> spec.withId("named-create")));
        long own = as(cast.coachAssigned(), () -> named.list(id)).getFirst().version().getId();
        assertThat(_get(Div.class, spec -> spec.withId("named-" + own)).getClassNames()).doesNotContain("history-named-new");
        assertThat(text("named-" + own)).contains("Relu avec Coralie").doesNotContain("nouvelle");
        assertThat(_get(Div.class, spec -> spec.withId("named-" + sent)).getClassNames()).contains("history-named-new");

        // Leaving the page stops listening.
        navigate("projects/" + id + "/letter?section=contexte");
        assertThat(bus.listenerCount(id)).isZero();
    }

    @Test
    void inEnglishAReviewRequestNamesAVersionThatAppearsMarkedNew() {
        as(cast.coachAssigned(), () -> fixtures.rememberLanguage(Locale.ENGLISH));
        login(cast.coachAssigned());
        navigate("projects/" + id + "/letter/history?section=contexte");
        assertThat(text("named-list")).contains("Premier jet").doesNotContain("Sent to the coach");

        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        untilPushed("the named version", () -> text("named-list").contains("Sent to the coach on "));
        long review = as(cast.coachAssigned(), () -> named.list(id)).getFirst().version().getId();
        assertThat(text("named-" + review)).contains("new", "by Alice");
        assertThat(_get(Div.class, spec -> spec.withId("named-" + review)).getClassNames()).contains("history-named-new");
    }
}
