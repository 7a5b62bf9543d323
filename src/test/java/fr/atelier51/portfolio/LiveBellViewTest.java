package fr.atelier51.portfolio;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import fr.atelier51.account.domain.Account;
import fr.atelier51.portfolio.service.PendingReviewsLive;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach's open page follows reviews requested and answered elsewhere: the header bell and the portfolio's
 * « Relectures en attente » change without navigating. The other person acts on another thread, as another browser's
 * request would; the change reaches this UI through {@code UI.access}, run at the next round trip as Push would.
 */
class LiveBellViewTest extends KaribuTest {

    @Autowired
    ProjectWorkflow workflow;
    @Autowired
    PendingReviewsLive live;

    Fixtures.Cast cast;
    long id;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Parcours de soins de la drépanocytose");
        id = cast.project().getId();
    }

    @Test
    void theCoachSeesTheRequestAndTheAnswerWithoutNavigating() throws Exception {
        login(cast.coachAssigned());
        navigate("portfolio");
        assertThat(_find(Button.class, spec -> spec.withId("header-notice-portfolio"))).isEmpty();
        assertThat(text("pending-reviews")).contains("Aucune relecture ne vous attend.");

        elsewhere(cast.holderA(), Transition.REQUEST_REVIEW);
        MockVaadin.clientRoundtrip(false);
        Button bell = _get(Button.class, spec -> spec.withId("header-notice-portfolio"));
        assertThat(bell.getText()).isEqualTo("1");
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("1 relecture(s) en attente — voir le portefeuille");
        assertThat(text("pending-reviews")).contains("Relectures en attente (1)", "Parcours de soins de la drépanocytose",
                cast.holderA().getDisplayName());

        // the coach answers from another tab: this page's bell goes away
        elsewhere(cast.coachAssigned(), Transition.VALIDATE);
        MockVaadin.clientRoundtrip(false);
        assertThat(_find(Button.class, spec -> spec.withId("header-notice-portfolio"))).isEmpty();
        assertThat(text("pending-reviews")).contains("Aucune relecture ne vous attend.");

        // leaving the portfolio unsubscribes its list; the header's bell stays subscribed
        int listening = live.listenerCount();
        navigate("");
        assertThat(live.listenerCount()).isEqualTo(listening - 1);
        elsewhere(cast.coachAssigned(), Transition.REOPEN);
        elsewhere(cast.holderA(), Transition.REQUEST_REVIEW);
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Button.class, spec -> spec.withId("header-notice-portfolio")).getText()).isEqualTo("1");
    }

    @Test
    void inEnglishToo() throws Exception {
        as(cast.coachAssigned(), () -> fixtures.rememberLanguage(Locale.ENGLISH));
        login(cast.coachAssigned());
        navigate("");
        elsewhere(cast.holderA(), Transition.REQUEST_REVIEW);
        MockVaadin.clientRoundtrip(false);
        Button bell = _get(Button.class, spec -> spec.withId("header-notice-portfolio"));
        assertThat(bell.getText()).isEqualTo("1");
        assertThat(bell.getElement().getAttribute("aria-label")).contains("1", "review");
    }

    /** Someone acts in another browser: another thread, outside this UI's lock. */
    private void elsewhere(Account who, Transition transition) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> as(who, () -> workflow.apply(id, StatusChange.of(transition))));
        other.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        other.start();
        other.join();
        assertThat(failure.get()).isNull();
    }

    private static String text(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }
}
