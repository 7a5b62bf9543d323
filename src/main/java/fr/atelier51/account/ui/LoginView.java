package fr.atelier51.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.atelier51.base.ui.LanguageSwitch;
import fr.atelier51.account.service.DemoAccounts;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@PageTitle("Atelier 51")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(DemoAccounts demoAccounts) {
        addClassName("login-view");
        setAlignItems(Alignment.CENTER);

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(null));

        H1 title = new H1(getTranslation("app.name"));
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        Anchor signUp = new Anchor("signup", getTranslation("login.signup-link"));
        signUp.setId("signup-link");
        add(new LanguageSwitch(locale -> { }), title, tagline, login, signUp);

        if (demoAccounts.isEnabled()) {
            Div demo = new Div(new H3(getTranslation("login.demo-title")));
            demo.setId("demo-accounts");
            demo.addClassName("demo-accounts");
            for (DemoAccounts.DemoAccount account : DemoAccounts.ACCOUNTS) {
                demo.add(new Div(new Span(getTranslation("role." + account.role().name()) + " — " + account.name() + " : "),
                        new Span(account.email())));
            }
            demo.add(new Paragraph(getTranslation("login.demo-password", DemoAccounts.PASSWORD)));
            add(demo);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setI18n(i18n(lastFailureKey()));
            login.setError(true);
        }
    }

    private LoginI18n i18n(String errorKey) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.email"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error-title"));
        i18n.getErrorMessage().setMessage(getTranslation(errorKey == null ? "login.error-bad-credentials" : errorKey));
        i18n.getErrorMessage().setUsername(getTranslation("login.email-required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.password-required"));
        return i18n;
    }

    /** Spring Security leaves the failure in the session: tell a locked or deactivated account apart. */
    private static String lastFailureKey() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LockedException) {
            return "login.error-locked";
        }
        if (failure instanceof DisabledException) {
            return "login.error-disabled";
        }
        return "login.error-bad-credentials";
    }
}
