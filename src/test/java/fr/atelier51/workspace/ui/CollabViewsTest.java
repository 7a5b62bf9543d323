package fr.atelier51.workspace.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import fr.atelier51.account.domain.Account;
import fr.atelier51.base.ui.BusinessErrorView;
import fr.atelier51.project.service.CoachNoteService;
import fr.atelier51.project.ui.CoachNotesView;
import fr.atelier51.project.ui.ProjectView;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.KaribuTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.CommentService;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.Selection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/** The comments panel of the letter and the private-notes page, browserless, role by role. */
class CollabViewsTest extends KaribuTest {

    private static final String TEXT = "Réduire les réhospitalisations. Former les infirmiers.";

    @Autowired
    LetterService letters;
    @Autowired
    CommentService comments;
    @Autowired
    CoachNoteService notes;

    Fixtures.Cast cast;
    long projectId;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Lettre du panneau");
        projectId = cast.project().getId();
        as(cast.holderA(), () -> letters.write(projectId, SectionKey.OBJECTIFS, 0, TEXT, ChangeKind.API));
    }

    private void openLetter(Account who) {
        login(who);
        navigate("projects/" + projectId + "/letter?section=objectifs");
    }

    private static void select(String passage) {
        int at = TEXT.indexOf(passage);
        _get(SectionEditor.class).selection(at, at + passage.length(), passage);
    }

    private static String threadsText() {
        return _get(Div.class, spec -> spec.withId("comment-threads")).getElement().getTextRecursively();
    }

    @Test
    void aCoachCommentsAndSuggestsAndTheHolderRepliesAndAccepts() {
        openLetter(cast.coachAssigned());
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("comment-passage")).getText())
                .contains("Sélectionnez un passage");
        select("Former les infirmiers.");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("comment-passage")).getText())
                .isEqualTo("Passage sélectionné : « Former les infirmiers. »");
        _get(TextArea.class, spec -> spec.withId("comment-body")).setValue("Lesquels ?");
        _click(_get(Button.class, spec -> spec.withId("comment-add")));
        assertThat(threadsText()).contains("Lesquels ?").contains("« Former les infirmiers. »").contains("Coralie");
        assertThat(_get(Span.class, spec -> spec.withId("section-comments-objectifs")).getText()).isEqualTo("1");

        // The rewording starts from the selected passage.
        assertThat(_get(TextArea.class, spec -> spec.withId("suggestion-text")).getValue()).isEqualTo("Former les infirmiers.");
        _get(TextArea.class, spec -> spec.withId("suggestion-text")).setValue("Former les infirmiers libéraux.");
        _click(_get(Button.class, spec -> spec.withId("suggestion-add")));
        assertThat(_find(Div.class, spec -> spec.withClasses("thread-suggestion"))).hasSize(1);
        Div suggestion = _get(Div.class, spec -> spec.withClasses("thread-suggestion"));
        assertThat(suggestion.getElement().toString()).contains("<ins").contains("libéraux");
        long suggestionId = Long.parseLong(suggestion.getId().orElseThrow().substring("thread-".length()));
        assertThat(_find(Button.class, spec -> spec.withId("accept-" + suggestionId))).isEmpty(); // coaches do not accept
        assertThat(_find(Button.class, spec -> spec.withId("withdraw-" + suggestionId))).hasSize(1);

        openLetter(cast.holderA());
        assertThat(_find(Div.class, spec -> spec.withClasses("comment-thread"))).hasSize(2);
        assertThat(_find(TextArea.class, spec -> spec.withId("suggestion-text"))).isEmpty(); // holders do not suggest
        long commentId = comments.threadsFor(cast.holderA(), projectId, SectionKey.OBJECTIFS, false).get(0).id();
        _get(TextArea.class, spec -> spec.withId("reply-" + commentId)).setValue("Les infirmiers libéraux.");
        _click(_get(Button.class, spec -> spec.withId("reply-send-" + commentId)));
        assertThat(threadsText()).contains("Les infirmiers libéraux.");

        _click(_get(Button.class, spec -> spec.withId("accept-" + suggestionId)));
        assertThat(as(cast.holderA(), () -> letters.letter(projectId)).get(SectionKey.OBJECTIFS.ordinal()).text())
                .isEqualTo("Réduire les réhospitalisations. Former les infirmiers libéraux.");
        assertThat(_find(Div.class, spec -> spec.withClasses("thread-suggestion"))).isEmpty(); // closed: hidden
        _get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("comments-show-closed")).setValue(true);
        assertThat(threadsText()).contains("Suggestion acceptée par Alice");
    }

    @Test
    void anEmptyCommentIsRefusedInFrenchAndATooLongOneKeepsItsText() {
        openLetter(cast.holderA());
        _click(_get(Button.class, spec -> spec.withId("comment-add")));
        TextArea body = _get(TextArea.class, spec -> spec.withId("comment-body"));
        assertThat(body.isInvalid()).isTrue();
        assertThat(body.getErrorMessage()).isEqualTo("Sélectionnez d’abord un passage du texte.");
        select("Réduire");
        _click(_get(Button.class, spec -> spec.withId("comment-add")));
        assertThat(body.getErrorMessage()).isEqualTo("Le commentaire est vide : écrivez quelques mots.");
        String tooLong = "x".repeat(10_000);
        body.setValue(tooLong);
        _click(_get(Button.class, spec -> spec.withId("comment-add")));
        assertThat(body.getErrorMessage()).startsWith("Le texte compte plus de 5").contains("caractères");
        assertThat(body.getValue()).isEqualTo(tooLong);
        assertThat(_find(Div.class, spec -> spec.withClasses("comment-thread"))).isEmpty();
    }

    @Test
    void aCommentWrittenElsewhereShowsWithoutReloadAndAClickOnItsPassageFocusesIt() {
        openLetter(cast.holderA());
        assertThat(_find(Div.class, spec -> spec.withClasses("comment-thread"))).isEmpty();
        int at = TEXT.indexOf("Réduire");
        long id = as(cast.coachAssigned(), () -> comments.comment(projectId, SectionKey.OBJECTIFS,
                new Selection(at, at + 7, "Réduire"), "De combien ?")).id();
        MockVaadin.clientRoundtrip(false); // what push delivers
        assertThat(threadsText()).contains("De combien ?");
        assertThat(_get(Span.class, spec -> spec.withId("section-comments-objectifs")).getText()).isEqualTo("1");

        _get(SectionEditor.class).focusThread(id);
        assertThat(_get(Div.class, spec -> spec.withId("thread-" + id)).getClassNames()).contains("thread-focused");

        as(cast.coachAssigned(), () -> comments.resolve(id));
        MockVaadin.clientRoundtrip(false);
        assertThat(_find(Div.class, spec -> spec.withClasses("comment-thread"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("section-comments-objectifs")).getText()).isEmpty();
    }

    @Test
    void coachesKeepPrivateNotesThatHoldersCannotOpen() {
        login(cast.coachAssigned());
        navigate("projects/" + projectId);
        assertThat(_get(Anchor.class, spec -> spec.withId("open-private-notes")).getHref()).isEqualTo("projects/" + projectId + "/notes");
        navigate("projects/" + projectId + "/letter");
        assertThat(_find(Anchor.class, spec -> spec.withId("letter-private-notes"))).hasSize(1);

        navigate("projects/" + projectId + "/notes");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CoachNotesView.class);
        _click(_get(Button.class, spec -> spec.withId("note-add")));
        assertThat(_get(TextArea.class, spec -> spec.withId("note-new")).getErrorMessage()).isEqualTo("La note est vide : écrivez quelques mots.");
        _get(TextArea.class, spec -> spec.withId("note-new")).setValue("Porteur **motivé**, budget <script>x</script> à revoir");
        _click(_get(Button.class, spec -> spec.withId("note-add")));
        long id = as(cast.coachAssigned(), () -> notes.list(projectId)).get(0).id();
        String card = _get(Div.class, spec -> spec.withId("note-" + id)).getElement().toString();
        assertThat(card).contains("<strong>motivé</strong>").doesNotContain("<script>");

        _click(_get(Button.class, spec -> spec.withId("note-edit-" + id)));
        _get(TextArea.class, spec -> spec.withId("note-text-" + id)).setValue("Budget revu");
        _click(_get(Button.class, spec -> spec.withId("note-save-" + id)));
        assertThat(_get(Div.class, spec -> spec.withId("note-" + id)).getElement().toString()).contains("Budget revu");
        Button delete = _get(Button.class, spec -> spec.withId("note-delete-" + id));
        _click(delete);
        assertThat(as(cast.coachAssigned(), () -> notes.list(projectId))).hasSize(1); // asks to confirm first
        _click(delete);
        assertThat(as(cast.coachAssigned(), () -> notes.list(projectId))).isEmpty();

        login(cast.holderA());
        navigate("projects/" + projectId);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ProjectView.class);
        assertThat(_find(Anchor.class, spec -> spec.withId("open-private-notes"))).isEmpty();
        navigate("projects/" + projectId + "/letter");
        assertThat(_find(Anchor.class, spec -> spec.withId("letter-private-notes"))).isEmpty();
        navigate("projects/" + projectId + "/notes");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(BusinessErrorView.class);
    }

    @Test
    void inEnglishThePanelAndTheNotesSpeakEnglish() {
        as(cast.coachAssigned(), () -> fixtures.rememberLanguage(java.util.Locale.ENGLISH));
        int at = TEXT.indexOf("Réduire");
        as(cast.holderA(), () -> comments.comment(projectId, SectionKey.OBJECTIFS, new Selection(at, at + 7, "Réduire"), "Combien ?"));
        openLetter(cast.coachAssigned());
        assertThat(_get(com.vaadin.flow.component.html.H3.class, spec -> spec.withId("comments-heading")).getText()).isEqualTo("Comments (1 open)");
        assertThat(_get(Button.class, spec -> spec.withId("comment-add")).getText()).isEqualTo("Comment on the passage");
        assertThat(_get(Button.class, spec -> spec.withId("suggestion-add")).getText()).isEqualTo("Suggest this rewording");
        assertThat(_get(Span.class, spec -> spec.withId("section-comments-objectifs")).getElement().getAttribute("title")).isEqualTo("1 open comment");
        navigate("projects/" + projectId + "/notes");
        assertThat(_get(Button.class, spec -> spec.withId("note-add")).getText()).isEqualTo("Add the note");
    }
}
