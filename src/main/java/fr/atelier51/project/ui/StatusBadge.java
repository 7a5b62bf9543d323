package fr.atelier51.project.ui;

import com.vaadin.flow.component.html.Span;
import fr.atelier51.project.domain.ProjectStatus;

/** A project's status as a coloured pill (Lumo badge styles). */
class StatusBadge extends Span {

    StatusBadge(ProjectStatus status) {
        setText(getTranslation(status.labelKey()));
        getElement().getThemeList().add("badge");
        switch (status) {
            case DEPOSEE, AVIS_FAVORABLE -> getElement().getThemeList().add("success");
            case AVIS_DEFAVORABLE, ABANDONNEE -> getElement().getThemeList().add("error");
            case PRETE, REVUE_COACH -> getElement().getThemeList().add("contrast");
            default -> { }
        }
        addClassName("status-badge");
    }
}
