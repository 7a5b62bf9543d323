package fr.atelier51.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fr.atelier51.account.service.DemoAccounts;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments and suggestions in real Chromium: the demo coach selects a passage, comments on it and suggests a
 * rewording; the holder, in another browser, sees both appear without reloading, replies, accepts the suggestion,
 * and the text changes in both editors.
 */
class CommentsE2ETest extends BrowserTest {

    private static final String EDITOR = "a51-section-editor";
    private static final String TEXT = "Réduire les réhospitalisations. Former les infirmiers. Suivre les patients.";

    @Test
    void coachCommentsAndSuggestsHolderSeesItLiveRepliesAndAccepts() throws Exception {
        long projectId = demoProjectId();
        putSection(projectId, "objectifs", TEXT);
        String letter = url("projects/" + projectId + "/letter?section=objectifs");
        DemoAccounts.DemoAccount claire = DemoAccounts.ACCOUNTS.get(0);
        DemoAccounts.DemoAccount sophie = DemoAccounts.ACCOUNTS.get(2);

        login(page, baseUrl(), claire.email(), DemoAccounts.PASSWORD);
        page.navigate(letter);
        BrowserContext coachComputer = newContext();
        Page coach = coachComputer.newPage();
        login(coach, baseUrl(), sophie.email(), DemoAccounts.PASSWORD);
        coach.navigate(letter);
        for (Page p : new Page[]{page, coach}) {
            assertThat(p.locator(EDITOR)).hasAttribute("state", "saved");
            assertThat(p.locator("#comments-panel")).isVisible();
        }

        // The coach selects "Former les infirmiers." in the editor and comments on it.
        select(coach, "Former les infirmiers.");
        assertThat(coach.locator("#comment-passage")).hasText("Passage sélectionné : « Former les infirmiers. »");
        coach.locator("#comment-body textarea").fill("Lesquels : hospitaliers ou libéraux ?");
        coach.locator("#comment-add").click();
        assertThat(coach.locator("#comment-threads")).containsText("Lesquels : hospitaliers ou libéraux ?");

        // The holder sees it at once, highlighted in the text, with the count beside the section.
        assertThat(page.locator("#comment-threads")).containsText("Lesquels : hospitaliers ou libéraux ?");
        assertThat(page.locator(EDITOR + " .a51-thread-mark")).hasText("Former les infirmiers.");
        assertThat(page.locator("#section-comments-objectifs")).hasText("1");

        // The coach suggests a rewording of another passage.
        select(coach, "Suivre les patients.");
        assertThat(coach.locator("#comment-passage")).hasText("Passage sélectionné : « Suivre les patients. »");
        assertThat(coach.locator("#suggestion-text textarea")).hasValue("Suivre les patients.");
        coach.locator("#suggestion-text textarea").fill("Suivre les patients à domicile pendant 90 jours.");
        coach.locator("#suggestion-add").click();
        Locator holderSuggestion = page.locator(".thread-suggestion");
        assertThat(holderSuggestion).containsText("Suivre les patients à domicile pendant 90 jours.");
        assertThat(holderSuggestion.locator("ins")).containsText("domicile");
        assertThat(page.locator(EDITOR + " .a51-thread-suggestion")).hasText("Suivre les patients.");
        snapshot(page, "20-comments-holder");

        // The holder replies to the comment; the coach sees the reply without reloading.
        String commentId = page.locator(".thread-comment").first().getAttribute("id").substring("thread-".length());
        page.locator("#reply-" + commentId + " textarea").fill("Les infirmiers libéraux du territoire.");
        page.locator("#reply-send-" + commentId).click();
        assertThat(coach.locator("#thread-" + commentId)).containsText("Les infirmiers libéraux du territoire.");

        // A click on the highlighted passage brings its thread forward.
        page.locator(EDITOR + " .a51-thread-comment").click();
        assertThat(page.locator("#thread-" + commentId)).hasClass(Pattern.compile(".*thread-focused.*"));

        // The holder accepts the suggestion: the text changes in both editors.
        String suggestionId = holderSuggestion.getAttribute("id").substring("thread-".length());
        page.locator("#accept-" + suggestionId).click();
        String expected = TEXT.replace("Suivre les patients.", "Suivre les patients à domicile pendant 90 jours.");
        for (Page p : new Page[]{page, coach}) {
            p.waitForFunction("t => document.querySelector('" + EDITOR + "').text === t", expected);
            assertThat(p.locator(".thread-suggestion")).hasCount(0);
        }
        snapshot(coach, "21-comments-coach-after-accept");

        // The coach's private notes, reached from the workspace; the holder has no link and cannot open them.
        coach.locator("#letter-private-notes").click();
        coach.waitForURL(u -> u.endsWith("/projects/" + projectId + "/notes"));
        coach.locator("#note-new textarea").fill("Porteuse **très motivée** ; budget FIR à revoir.");
        coach.locator("#note-add").click();
        assertThat(coach.locator(".coach-note strong")).hasText("très motivée");
        snapshot(coach, "22-private-notes");
        assertThat(page.locator("#letter-private-notes")).hasCount(0);
        page.navigate(url("projects/" + projectId + "/notes"));
        assertThat(page.locator("#business-error")).containsText("Ces notes n’existent pas.");
        assertThat(page.locator("body")).not().containsText("budget FIR");
        coachComputer.close();
    }

    /** Selects a passage in the page's editor, as a mouse drag would. */
    private static void select(Page p, String passage) {
        p.locator(EDITOR + " .cm-content").click();
        p.evaluate("q => { const v = document.querySelector('" + EDITOR + "').view; const at = v.state.doc.toString().indexOf(q);"
                + " v.focus(); v.dispatch({ selection: { anchor: at, head: at + q.length } }); }", passage);
    }
}
