package fr.atelier51.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.Messages;
import fr.atelier51.base.service.UserPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Per-UI set-up: the signed-in user's remembered language, and an error handler that tells the user in French
 * what went wrong instead of showing a stack trace.
 */
@Component
public class UiSetup implements VaadinServiceInitListener {

    private static final String CHOSEN_LANGUAGE = "atelier51.language";
    private static final Logger log = LoggerFactory.getLogger(UiSetup.class);

    private final UserPreferences preferences;
    private final Messages messages;
    /** Set when the application starts closing: UI work still queued then meets services that are shutting down. */
    private volatile boolean stopping;

    public UiSetup(UserPreferences preferences, Messages messages) {
        this.preferences = preferences;
        this.messages = messages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiInit -> {
            UI ui = uiInit.getUI();
            Locale locale = preferences.currentLanguage().orElseGet(() -> chosenOrBrowserLanguage(ui));
            ui.getSession().setLocale(locale);
            ui.setLocale(locale);
        });
        event.getSource().setSystemMessagesProvider(info -> systemMessages(Messages.supported(info.getLocale())));
        event.getSource().addSessionInitListener(sessionInit ->
                sessionInit.getSession().setErrorHandler(error -> showError(error.getThrowable())));
    }

    /** Vaadin's own messages (expired session, lost connection, internal error) in the user's language. */
    private CustomizedSystemMessages systemMessages(Locale locale) {
        CustomizedSystemMessages m = new CustomizedSystemMessages();
        m.setSessionExpiredCaption(messages.getTranslation("system.session-expired-caption", locale));
        m.setSessionExpiredMessage(messages.getTranslation("system.session-expired-message", locale));
        m.setSessionExpiredNotificationEnabled(true);
        m.setInternalErrorCaption(messages.getTranslation("system.internal-error-caption", locale));
        m.setInternalErrorMessage(messages.getTranslation("system.internal-error-message", locale));
        m.setCookiesDisabledCaption(messages.getTranslation("system.cookies-caption", locale));
        m.setCookiesDisabledMessage(messages.getTranslation("system.cookies-message", locale));
        return m;
    }

    /** Before sign-in: the language picked on the page, else the browser's if we speak it, else French. */
    private static Locale chosenOrBrowserLanguage(UI ui) {
        Object chosen = ui.getSession().getAttribute(CHOSEN_LANGUAGE);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        return Messages.supported(request == null ? null : request.getLocale());
    }

    /** Remembers a language picked before sign-in, for the rest of the browser session. */
    public static void chooseLanguage(UI ui, Locale locale) {
        ui.getSession().setAttribute(CHOSEN_LANGUAGE, Messages.supported(locale));
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
    }

    /**
     * Once the application is closing, live updates still queued for open pages (a co-editor's change, a bell) run
     * into services that are shutting down: expected, nobody is there to read a message, so no error is logged.
     */
    @EventListener(ContextClosedEvent.class)
    void applicationStopping() {
        stopping = true;
    }

    void showError(Throwable throwable) {
        if (stopping) {
            log.debug("UI error while the application stops", throwable);
            return;
        }
        UI ui = UI.getCurrent();
        BusinessException business = findBusinessCause(throwable);
        String text;
        if (business != null) {
            text = messages.getTranslation(business.messageKey(), locale(ui), business.args());
        } else {
            log.error("Unexpected UI error", throwable);
            text = messages.getTranslation("error.unexpected", locale(ui));
        }
        if (ui != null) {
            ui.access(() -> Notification.show(text, 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }

    private static Locale locale(UI ui) {
        if (ui != null) {
            return ui.getLocale();
        }
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Messages.FRENCH : session.getLocale();
    }

    private static BusinessException findBusinessCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BusinessException b) {
                return b;
            }
        }
        return null;
    }
}
