package fr.atelier51.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** Keeps a component up to date over Push while it is on screen, from notices sent by any thread. */
public final class LiveUpdates {

    private LiveUpdates() {
    }

    /**
     * While {@code component} is attached, runs {@code refresh} in its UI each time the source calls the listener it
     * was given. {@code subscribe} takes that listener and returns what removes it; it is called on attach (as the
     * page's user) and its result on detach, so a closed page leaves nothing behind.
     */
    public static void whileAttached(Component component, UnaryOperator<Runnable> subscribe, Runnable refresh) {
        AtomicReference<Runnable> unsubscribe = new AtomicReference<>();
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            // the notifying thread is someone else's request or a scheduler: the page's own user reads its data
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
            Runnable previous = unsubscribe.getAndSet(subscribe.apply(() -> {
                try {
                    ui.access(() -> DelegatingSecurityContextRunnable.create(refresh, context).run());
                } catch (UIDetachedException e) {
                    // the page was closed without a detach notice reaching us: stop listening for it
                    Runnable stop = unsubscribe.getAndSet(null);
                    if (stop != null) {
                        stop.run();
                    }
                }
            }));
            if (previous != null) {
                previous.run();
            }
        });
        component.addDetachListener(detach -> {
            Runnable stop = unsubscribe.getAndSet(null);
            if (stop != null) {
                stop.run();
            }
        });
    }
}
