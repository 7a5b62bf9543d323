package fr.atelier51.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.atelier51.account.service.DemoAccounts;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates over real push in Chromium: while the holder has the letter open and the coach the section's history,
 * a script deletes a commented passage and puts it back; the holder's thread says « passage supprimé » and then
 * shows its passage again, and the coach's history lists both changes, without either reloading.
 */
class LiveHistoryE2ETest extends BrowserTest {

    private static final String TEXT = "Réduire les réhospitalisations. Former les infirmiers.";
    private static final String WITHOUT = "Réduire les réhospitalisations.";

    @Test
    void aDeletedPassageAndNewVersionsShowWithoutReload() throws Exception {
        long projectId = demoProjectId();
        putSection(projectId, "evaluation", TEXT);
        long version = version(projectId);
        String threadId = call("POST", "api/projects/" + projectId + "/letter/comments",
                "{\"section\":\"evaluation\",\"from\":32,\"to\":54,\"quote\":\"Former les infirmiers.\",\"body\":\"Lesquels ?\"}",
                "\"id\"\\s*:\\s*(\\d+)");
        DemoAccounts.DemoAccount claire = DemoAccounts.ACCOUNTS.get(0);
        DemoAccounts.DemoAccount sophie = DemoAccounts.ACCOUNTS.get(2);

        login(page, baseUrl(), claire.email(), DemoAccounts.PASSWORD);
        page.navigate(url("projects/" + projectId + "/letter?section=evaluation"));
        assertThat(page.locator("#thread-" + threadId)).containsText("« Former les infirmiers. »");
        assertThat(page.locator("#thread-" + threadId + " .thread-orphaned")).hasCount(0);
        BrowserContext coachComputer = newContext();
        Page coach = coachComputer.newPage();
        login(coach, baseUrl(), sophie.email(), DemoAccounts.PASSWORD);
        coach.navigate(url("projects/" + projectId + "/letter/history?section=evaluation"));
        assertThat(coach.locator("#history-live")).hasText("Cette liste se met à jour en direct.");
        assertThat(coach.locator("#session-" + version)).isVisible();

        write(projectId, version, WITHOUT);
        long written = System.nanoTime();
        page.waitForSelector("#thread-" + threadId + " .thread-orphaned"); // polled per frame: a fair time
        long panelMs = (System.nanoTime() - written) / 1_000_000;
        coach.waitForSelector("#session-" + (version + 1) + ".history-session-new");
        long historyMs = (System.nanoTime() - written) / 1_000_000;
        assertThat(page.locator("#thread-" + threadId + " .thread-orphaned")).hasText("passage supprimé");
        assertThat(coach.locator("#history-live")).containsText("version " + (version + 1));
        // For the record (not asserted): the views update at most every 500 ms, plus push and rendering.
        System.out.printf("live update after a write: comments panel %d ms, history page %d ms%n", panelMs, historyMs);
        snapshot(page, "40-live-passage-deleted");

        write(projectId, version + 1, TEXT);
        assertThat(page.locator("#thread-" + threadId + " .thread-orphaned")).hasCount(0);
        assertThat(page.locator("#thread-" + threadId)).containsText("« Former les infirmiers. »");
        assertThat(coach.locator("#session-" + (version + 2))).isVisible();
        assertThat(coach.locator("#history-live")).containsText("version " + (version + 2));
        snapshot(coach, "41-live-history");
        coachComputer.close();
    }

    private long version(long projectId) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("api/projects/" + projectId + "/letter")))
                .header("Authorization", demoOwnerBasicAuth()).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"key\":\"evaluation\",\"text\":\"[^\"]*\",\"version\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    private void write(long projectId, long base, String text) throws Exception {
        call("PUT", "api/projects/" + projectId + "/letter/sections/evaluation",
                "{\"baseVersion\":" + base + ",\"text\":\"" + text + "\"}", "\"version\"\\s*:\\s*(\\d+)");
    }

    /** A scripted call as the demo project's owner; answers the first group of {@code find} in the answer. */
    private String call(String method, String path, String json, String find) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", demoOwnerBasicAuth()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        Matcher m = Pattern.compile(find).matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return m.group(1);
    }
}
