package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import fr.atelier51.workspace.domain.NamedVersion;
import fr.atelier51.workspace.service.HistorySession;

/** One editing session in the history list: its tick box, who, when, how, how much, its named versions, restore. */
class HistoryRow extends Div {

    /**
     * @param pick    the tick box the view listens to (labelled here)
     * @param isNew   whether it came in while the page was open
     * @param restore what the restore button does, or null for no button
     */
    HistoryRow(HistorySession s, Checkbox pick, boolean isNew, Runnable restore) {
        setId("session-" + s.toVersion());
        addClassName("history-session");
        if (isNew) {
            addClassName("history-session-new");
        }
        getElement().setAttribute("role", "listitem");
        String versions = s.fromVersion() == s.toVersion() ? String.valueOf(s.toVersion())
                : getTranslation("history.versions", s.fromVersion(), s.toVersion());
        pick.setLabel(getTranslation("history.col.version") + " " + versions);
        pick.setId("pick-" + s.toVersion());
        Span when = new Span(HistoryLabels.dateTime(this, s.start())
                + (s.end().equals(s.start()) ? "" : " – " + HistoryLabels.time(this, s.end())));
        when.addClassName("history-when");
        Span who = new Span(s.authorName());
        who.addClassName("history-who");
        Span kind = new Span(HistoryLabels.kind(this, s.kind()));
        kind.addClassName("history-kind");
        Span size = new Span(HistoryLabels.size(s.inserted(), s.deleted()) + " · "
                + getTranslation("history.changes", s.changes()));
        size.addClassName("history-size");
        size.getElement().setAttribute("aria-label", getTranslation("history.size.aria", s.inserted(), s.deleted(), s.changes()));
        add(pick, who, when, kind, size);
        if (s.afterFiling()) {
            Span after = new Span(getTranslation("history.after-filing"));
            after.addClassName("history-after-filing");
            add(after);
        }
        for (NamedVersion n : s.named()) {
            Span tag = new Span("★ " + HistoryLabels.name(this, n));
            tag.addClassName("history-named-tag");
            add(tag);
        }
        if (restore != null) {
            Button button = new Button(getTranslation("history.restore"), e -> restore.run());
            button.setId("restore-" + s.toVersion());
            button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            button.getElement().setAttribute("aria-label", getTranslation("history.restore.aria", s.toVersion()));
            add(button);
        }
    }
}
