package fr.atelier51.e2e;

import com.microsoft.playwright.Locator;
import fr.atelier51.account.service.DemoAccounts;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Journey 1 in a real browser: the demo holder opens the demo project's assistant, describes the whole idea in one
 * message, sees the record card fill in, follows a cited source to the knowledge base, and finds the conversation
 * again after a reload. Every wait is on an element, never on a clock.
 */
class AssistantJourneyE2ETest extends BrowserTest {

    static final String IDEA = "Nous sommes une maison de santé pluriprofessionnelle. Nos patients insuffisants cardiaques sont "
            + "souvent réhospitalisés faute de suivi après leur sortie. Une infirmière coordinatrice les suivrait à domicile, "
            + "en lien avec le médecin traitant, payée par un forfait par patient et par an plutôt qu’à l’acte, "
            + "dans le Gers et les Hautes-Pyrénées, pendant 3 ans.";

    @Test
    void demoHolderDescribesTheIdeaFollowsACitationAndResumesAfterAReload() {
        DemoAccounts.DemoAccount claire = DemoAccounts.ACCOUNTS.get(0);
        login(page, baseUrl(), claire.email(), DemoAccounts.PASSWORD);
        page.locator("#projects-grid").getByText("Suivi infirmier à domicile").first().click();
        assertThat(page.locator("#project-title-heading")).containsText("Suivi infirmier à domicile");
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Ouvrir l’assistant")).click();
        page.waitForURL(u -> u.endsWith("/assistant"));
        String assistantUrl = page.url();

        Locator messages = page.locator("#assistant-messages vaadin-message");
        assertThat(messages.first()).containsText("Bonjour");
        int before = messages.count();
        Locator input = page.locator("#assistant-input textarea");
        input.fill(IDEA);
        input.press("Enter");

        // The holder's message and the reply are appended; the reply cites its sources as links.
        assertThat(messages).hasCount(before + 2);
        Locator reply = messages.last();
        assertThat(reply).containsText("L.162-31-1 II 1° a)");
        assertThat(page.locator("#summary-scope")).containsText("local");
        assertThat(page.locator("#summary-destination")).containsText("ARS Occitanie");
        assertThat(page.locator("#summary-derogations")).containsText("L.162-31-1 II 1° a)");
        snapshot(page, "assistant-01-record-filled");

        Locator citation = reply.locator("a[href='/knowledge/articles/L162-31-1']").first();
        assertThat(citation).isVisible();
        citation.click();
        page.waitForURL(u -> u.contains("/knowledge/articles/L162-31-1"));
        assertThat(page.locator("#article-title")).containsText("162-31-1");
        snapshot(page, "assistant-02-cited-article");

        // A closed tab or a reload: the conversation and the record are still there.
        page.navigate(assistantUrl);
        page.reload();
        assertThat(messages).hasCount(before + 2);
        assertThat(messages.nth(before)).containsText("Hautes-Pyrénées");
        assertThat(messages.last()).containsText("L.162-31-1 II 1° a)");
        assertThat(page.locator("#summary-destination")).containsText("ARS Occitanie");
        snapshot(page, "assistant-03-after-reload");
    }
}
