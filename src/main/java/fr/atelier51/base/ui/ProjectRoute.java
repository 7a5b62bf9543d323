package fr.atelier51.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;

import java.util.OptionalLong;

/** The {@code :id} of a {@code projects/:id/...} route, shared by every project page. */
public final class ProjectRoute {

    private ProjectRoute() {
    }

    /**
     * The project id of the route; a malformed one ("abc", "9999999999999999999") reroutes to the French
     * not-found page, exactly as a project the user may not see does.
     */
    public static OptionalLong id(BeforeEnterEvent event) {
        try {
            return OptionalLong.of(Long.parseLong(event.getRouteParameters().get("id").orElse("")));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class, event.getUI().getTranslation("project.error.not-found"));
            return OptionalLong.empty();
        }
    }
}
