package fr.atelier51.workspace.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import fr.atelier51.account.domain.Account;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.KaribuTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.CommentService;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.SectionHistoryService;
import fr.atelier51.workspace.service.Selection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.atomic.AtomicInteger;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comments panel and the history page follow changes made in other sessions while they are open, without a
 * reload: what push delivers is run by {@link MockVaadin#clientRoundtrip}.
 */
class LiveViewsTest extends KaribuTest {

    private static final String TEXT = "Réduire les réhospitalisations. Former les infirmiers.";
    private static final String WITHOUT = "Réduire les réhospitalisations.";

    @Autowired
    LetterService letters;
    @Autowired
    CommentService comments;
    @Autowired
    SectionHistoryService history;

    Fixtures.Cast cast;
    long projectId;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Lettre en direct");
        projectId = cast.project().getId();
        as(cast.holderA(), () -> letters.write(projectId, SectionKey.OBJECTIFS, 0, TEXT, ChangeKind.API));
    }

    /** Another session's change, as the API or another editor makes it. */
    private void write(Account who, String text) {
        as(who, () -> {
            long base = letters.letter(projectId).get(SectionKey.OBJECTIFS.ordinal()).version();
            letters.write(projectId, SectionKey.OBJECTIFS, base, text, ChangeKind.API);
        });
    }

    private static Div card(long id) {
        return _get(Div.class, spec -> spec.withId("thread-" + id));
    }

    private static boolean orphaned(long id) {
        return !_find(card(id), Span.class, spec -> spec.withClasses("thread-orphaned")).isEmpty();
    }

    @Test
    void aDeletedPassageShowsAsDeletedInAnOpenPanelAndComesBackWhenRestored() {
        int at = TEXT.indexOf("Former");
        long id = as(cast.coachAssigned(), () -> comments.comment(projectId, SectionKey.OBJECTIFS,
                new Selection(at, TEXT.length(), "Former les infirmiers."), "Lesquels ?")).id();
        long other = as(cast.coachAssigned(), () -> comments.comment(projectId, SectionKey.OBJECTIFS,
                new Selection(0, 7, "Réduire"), "De combien ?")).id();
        login(cast.holderA());
        navigate("projects/" + projectId + "/letter?section=objectifs");
        assertThat(orphaned(id)).isFalse();
        // The holder starts a reply on the other thread: live updates must not wipe it.
        _get(TextArea.class, spec -> spec.withId("reply-" + other)).setValue("De 20 %.");
        Div otherCard = card(other);

        write(cast.coachAssigned(), WITHOUT);
        untilPushed("the change", () -> orphaned(id));
        assertThat(card(id).getElement().getTextRecursively()).contains("passage supprimé", "Lesquels ?");
        assertThat(card(other)).isSameAs(otherCard); // unchanged thread: not redrawn
        assertThat(_get(TextArea.class, spec -> spec.withId("reply-" + other)).getValue()).isEqualTo("De 20 %.");

        long deleted = as(cast.holderA(), () -> letters.letter(projectId)).get(SectionKey.OBJECTIFS.ordinal()).version();
        as(cast.coachAssigned(), () -> history.restore(projectId, SectionKey.OBJECTIFS, deleted - 1));
        untilPushed("the change", () -> !orphaned(id));
        assertThat(card(id).getElement().getTextRecursively()).contains("« Former les infirmiers. »")
                .doesNotContain("passage supprimé");
    }

    @Test
    void inEnglishTheDeletedPassageSaysSo() {
        int at = TEXT.indexOf("Former");
        long id = as(cast.holderA(), () -> comments.comment(projectId, SectionKey.OBJECTIFS,
                new Selection(at, TEXT.length(), "Former les infirmiers."), "Which ones?")).id();
        as(cast.coachAssigned(), () -> fixtures.rememberLanguage(java.util.Locale.ENGLISH));
        login(cast.coachAssigned());
        navigate("projects/" + projectId + "/letter?section=objectifs");
        write(cast.holderA(), WITHOUT);
        untilPushed("the change", () -> orphaned(id));
        assertThat(card(id).getElement().getTextRecursively()).contains("passage deleted");
        navigate("projects/" + projectId + "/letter/history?section=objectifs");
        assertThat(_get(Span.class, spec -> spec.withId("history-live")).getText()).isEqualTo("This list updates live.");
        write(cast.holderA(), TEXT);
        untilPushed("the change", () -> !_find(Div.class, spec -> spec.withId("session-3")).isEmpty());
        assertThat(_get(Span.class, spec -> spec.withId("history-live")).getText())
                .isEqualTo("New changes: the section is now at version 3.");
    }

    @Test
    void theHistoryListsAChangeMadeAfterItOpenedAndKeepsTheReadersComparison() {
        write(cast.holderA(), TEXT + " Évaluer à 18 mois.");
        login(cast.coachAssigned());
        navigate("projects/" + projectId + "/letter/history?section=objectifs");
        assertThat(_find(Div.class, spec -> spec.withClasses("history-session"))).hasSize(1); // versions 1-2, Alice
        assertThat(_get(Span.class, spec -> spec.withId("history-live")).getText())
                .isEqualTo("Cette liste se met à jour en direct.");
        _get(Checkbox.class, spec -> spec.withId("pick-2")).setValue(true);
        String diff = _get(Div.class, spec -> spec.withId("history-diff")).getElement().getTextRecursively();
        assertThat(diff).contains("De la version 0 à la version 2");

        write(cast.coachAssigned(), WITHOUT);
        untilPushed("the change", () -> !_find(Div.class, spec -> spec.withId("session-3")).isEmpty());
        Div fresh = _get(Div.class, spec -> spec.withId("session-3"));
        assertThat(fresh.getClassNames()).contains("history-session-new");
        assertThat(fresh.getElement().getTextRecursively()).contains("Coralie", "API");
        assertThat(_get(Span.class, spec -> spec.withId("history-live")).getText())
                .isEqualTo("Nouvelles modifications : la section est maintenant à la version 3.");
        // The reader's tick and comparison are still there.
        assertThat(_get(Checkbox.class, spec -> spec.withId("pick-2")).getValue()).isTrue();
        assertThat(_get(Checkbox.class, spec -> spec.withId("pick-3")).getValue()).isFalse();
        assertThat(_get(IntegerField.class, spec -> spec.withId("history-from")).getValue()).isZero();
        assertThat(_get(IntegerField.class, spec -> spec.withId("history-to")).getValue()).isEqualTo(2);
        assertThat(_get(Div.class, spec -> spec.withId("history-diff")).getElement().getTextRecursively()).isEqualTo(diff);
    }

    @Test
    void aBurstOfChangesUpdatesTheViewAtMostTwiceAndAClosedWatchNoMore() throws InterruptedException {
        login(cast.holderA());
        AtomicInteger updates = new AtomicInteger();
        LiveTextWatch watch = new LiveTextWatch(UI.getCurrent(), updates::incrementAndGet, () -> { });
        for (int i = 0; i < 50; i++) { // a burst of keystrokes from several people
            watch.changed();
        }
        untilPushed("the change", () -> updates.get() > 0);
        // at once for the first change, then once more for the rest of the burst (the engine's pokes are throttled)
        Thread.sleep(LiveTextWatch.EVERY.toMillis() * 2);
        MockVaadin.clientRoundtrip(false);
        int afterBurst = updates.get();
        assertThat(afterBurst).isBetween(1, 2);
        watch.changed(); // a change after the update: another one
        untilPushed("the change", () -> updates.get() == afterBurst + 1);
        watch.close();
        watch.changed();
        Thread.sleep(LiveTextWatch.EVERY.toMillis() * 2);
        MockVaadin.clientRoundtrip(false);
        assertThat(updates.get()).isEqualTo(afterBurst + 1);
    }
}
