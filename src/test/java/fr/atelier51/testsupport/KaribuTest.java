package fr.atelier51.testsupport;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import fr.atelier51.account.domain.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.security.Principal;
import java.util.List;

/**
 * Browserless view tests: real Spring context and services, Vaadin mocked by Karibu-Testing. The mocked request
 * reads the user from Spring Security's context, so Vaadin's view access checks and the services see the same user.
 */
@IntegrationTest
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("fr.atelier51");

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected Fixtures fixtures;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setMockRequestFactory(SecurityAwareRequest::new);
        MockVaadin.setup(MockedUI::new, new MockSpringServlet(ROUTES, context, MockedUI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        // Nothing Vaadin-bound may outlive the test on this thread: Vaadin's security-context strategy would read
        // a stale session's context in the next test's plain HTTP requests.
        com.vaadin.flow.internal.CurrentInstance.clearAll();
        SecurityContextHolder.clearContext();
    }

    /** Signs in as the account, as the login form would. Navigate afterwards. */
    protected void login(Account account) {
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.getEmail(), null,
                List.of(new SimpleGrantedAuthority(account.getRole().authority()))));
        SecurityContextHolder.setContext(securityContext);
        // The browser reloads after sign-in: a fresh UI picks up the user's remembered language.
        MockVaadin.tearDown();
        setUpVaadin();
    }

    /** Navigates as a link would; "path?a=b" carries query parameters. */
    protected static void navigate(String location) {
        int q = location.indexOf('?');
        if (q < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent().navigate(location.substring(0, q),
                    com.vaadin.flow.router.QueryParameters.fromString(location.substring(q + 1)));
        }
    }

    private static final class SecurityAwareRequest extends FakeRequest {
        SecurityAwareRequest(jakarta.servlet.http.HttpSession session) {
            super(session);
        }

        /** Our users' browsers ask for French. */
        @Override
        public java.util.Locale getLocale() {
            return java.util.Locale.FRANCE;
        }

        @Override
        public Principal getUserPrincipal() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth == null || auth instanceof AnonymousAuthenticationToken ? null : auth;
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
        }
    }

    /**
     * Runs what push delivers (work other threads queued with {@code ui.access}) until the page shows what is
     * expected, for up to 10 s; {@code what} names it in the failure.
     */
    protected static void untilPushed(String what, java.util.function.BooleanSupplier shown) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            MockVaadin.clientRoundtrip(false);
            if (shown.getAsBoolean()) {
                return;
            }
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).as("the page never showed " + what)
                    .isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
