package fr.atelier51.base.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.atelier51.base.service.Messages;
import fr.atelier51.base.service.UserPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Unexpected UI errors are logged while the app runs, and not once it is closing (queued live updates). */
class UiSetupTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(UiSetup.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final UiSetup setup = new UiSetup(mock(UserPreferences.class), new Messages());

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void anErrorIsLoggedWhileTheAppRunsButNotOnceItStops() {
        setup.showError(new IllegalStateException("a bug"));
        assertThat(logged.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getFormattedMessage()).isEqualTo("Unexpected UI error");
        });
        logged.list.clear();

        setup.applicationStopping();
        setup.showError(new IllegalStateException("EntityManagerFactory is closed"));
        assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    }
}
