package fr.atelier51.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import fr.atelier51.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In Chromium, two people: the coach keeps her portfolio open; the holder asks for a review, then withdraws the
 * project. The coach's header bell and « Relectures en attente » follow over Push, without any navigation. Prints how
 * long each took to show (from the holder's click to the coach's screen).
 */
@Import(Fixtures.class)
class LiveBellE2ETest extends BrowserTest {

    private static final String TITLE = "Coordination ville-hôpital en Corrèze";

    private static final Locator.WaitForOptions VISIBLE = new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE);
    private static final Locator.WaitForOptions HIDDEN = new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN);

    @Autowired
    Fixtures fixtures;

    @Test
    void theCoachsBellFollowsTheHoldersRequestAndWithdrawal() {
        Fixtures.Cast cast = fixtures.cast(TITLE);
        long id = cast.project().getId();

        BrowserContext coachComputer = newContext();
        Page coach = coachComputer.newPage();
        login(coach, baseUrl(), cast.coachAssigned().getEmail(), Fixtures.PASSWORD);
        coach.navigate(url("portfolio"));
        assertThat(coach.locator("#pending-reviews")).containsText("Aucune relecture ne vous attend.");
        assertThat(coach.locator("#header-notice-portfolio")).isHidden();

        login(page, baseUrl(), cast.holderA().getEmail(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + id));
        page.locator("#transition-REQUEST_REVIEW").click();
        long clicked = System.nanoTime();
        page.locator("#transition-confirm").click();
        // waitFor polls on every animation frame (assertions back off up to 1 s): it times the arrival closely
        coach.locator("#header-notice-portfolio[aria-label^='1 ']").waitFor(VISIBLE);
        long shown = System.nanoTime();
        page.locator("#status-banner.status-revue_coach").waitFor(VISIBLE);
        long ownPage = System.nanoTime();
        // the button's text content also holds its tooltip: its spoken label says the count
        assertThat(coach.locator("#header-notice-portfolio")).hasAttribute("aria-label", "1 relecture(s) en attente — voir le portefeuille");
        assertThat(coach.locator("#header-notice-portfolio")).isVisible();
        assertThat(coach.locator("#pending-reviews")).containsText(TITLE);
        snapshot(coach, "live-bell-01-request-arrives");
        System.out.printf("live bell: review request shown to the coach %d ms after the holder's click (the holder's own page: %d ms, counted after)%n",
                (shown - clicked) / 1_000_000, (ownPage - clicked) / 1_000_000);

        page.locator("#transition-ABANDON").click();
        page.locator("#transition-note textarea").fill("Le projet rejoint un programme régional existant.");
        clicked = System.nanoTime();
        page.locator("#transition-confirm").click();
        coach.locator("#header-notice-portfolio").waitFor(HIDDEN);
        shown = System.nanoTime();
        assertThat(coach.locator("#header-notice-portfolio")).isHidden();
        assertThat(coach.locator("#pending-reviews")).containsText("Aucune relecture ne vous attend.");
        System.out.printf("live bell: withdrawal shown to the coach %d ms after the holder's click%n", (shown - clicked) / 1_000_000);
        assertThat(coach).hasURL(url("portfolio"));
        coachComputer.close();
    }
}
