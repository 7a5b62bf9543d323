package fr.atelier51.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.atelier51.account.service.DemoAccounts;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Journey: sign up → log in → create a project → see it in the list; another holder is refused its URL. */
class SignUpToProjectE2ETest extends BrowserTest {

    @Test
    void holderSignsUpCreatesAProjectAndAnotherHolderIsRefused() {
        page.navigate(url("login"));
        assertThat(page.locator("#demo-accounts")).containsText(DemoAccounts.ACCOUNTS.get(0).email());

        snapshot(page, "01-login");
        page.locator("#signup-link").click();
        page.waitForURL(u -> u.endsWith("/signup"));
        String email = "lea-" + UUID.randomUUID().toString().substring(0, 8) + "@msp-exemple.fr";
        page.locator("#signup-name input").fill("Léa Infirmière");
        page.locator("#signup-email input").fill(email);
        page.locator("#signup-organisation input").fill("MSP du Vallon");
        page.locator("#signup-region input").fill("Bretagne");
        page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Bretagne")).click();
        page.locator("#signup-password input").fill("motdepasse");
        page.locator("#signup-submit").click();
        assertThat(page.locator("#signup-error")).containsText("trop facile à deviner");
        page.locator("#signup-password input").fill("Vallon-Breizh-2026");
        page.locator("#signup-submit").click();
        page.waitForURL(u -> u.contains("/login"));

        login(page, baseUrl(), email, "Vallon-Breizh-2026");
        assertThat(page.locator("#page-title")).hasText("Mes projets");
        page.locator("#new-project").click();
        page.locator("#project-title input").fill("Coordination ville-hôpital des plaies chroniques");
        page.locator("#project-summary textarea").fill("Télésurveillance des plaies par les infirmiers libéraux.");
        page.locator("#project-save").click();
        assertThat(page.locator("#project-title-heading")).hasText("Coordination ville-hôpital des plaies chroniques");
        assertThat(page.locator("#status-banner")).containsText("Idée");
        snapshot(page, "03-project-home");
        String projectUrl = page.url();

        page.navigate(url(""));
        assertThat(page.locator("#projects-grid")).containsText("Coordination ville-hôpital des plaies chroniques");
        snapshot(page, "02-project-list");

        BrowserContext otherComputer = newContext();
        Page other = otherComputer.newPage();
        DemoAccounts.DemoAccount karim = DemoAccounts.ACCOUNTS.get(1);
        login(other, baseUrl(), karim.email(), DemoAccounts.PASSWORD);
        other.navigate(projectUrl);
        assertThat(other.locator("#business-error")).containsText("Ce projet n’existe pas, ou vous n’y avez pas accès.");
        assertThat(other.locator("body")).not().containsText("plaies chroniques");
        snapshot(other, "04-refused");
        otherComputer.close();
    }
}
