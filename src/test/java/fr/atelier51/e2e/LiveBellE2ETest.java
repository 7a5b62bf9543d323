package fr.atelier51.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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
        assertThat(coach.locator("#header-notice-portfolio")).hasText("1");
        long shown = System.nanoTime();
        assertThat(coach.locator("#pending-reviews")).containsText(TITLE);
        snapshot(coach, "live-bell-01-request-arrives");
        System.out.printf("live bell: review request shown to the coach %d ms after the holder's click%n", (shown - clicked) / 1_000_000);

        page.locator("#transition-ABANDON").click();
        page.locator("#transition-note textarea").fill("Le projet rejoint un programme régional existant.");
        clicked = System.nanoTime();
        page.locator("#transition-confirm").click();
        assertThat(coach.locator("#header-notice-portfolio")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(10_000));
        shown = System.nanoTime();
        assertThat(coach.locator("#pending-reviews")).containsText("Aucune relecture ne vous attend.");
        System.out.printf("live bell: withdrawal shown to the coach %d ms after the holder's click%n", (shown - clicked) / 1_000_000);
        assertThat(coach).hasURL(url("portfolio"));
        coachComputer.close();
    }
}
