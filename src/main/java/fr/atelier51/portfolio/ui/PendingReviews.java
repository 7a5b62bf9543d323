package fr.atelier51.portfolio.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import fr.atelier51.portfolio.service.ReviewReminders.PendingReview;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** The in-app reminders: reviews asked of the coach and not answered yet, the late ones flagged. */
class PendingReviews extends Div {

    PendingReviews(List<PendingReview> pending, int overdueDays) {
        setId("pending-reviews");
        addClassName("pending-reviews");
        H3 title = new H3();
        title.add(VaadinIcon.BELL.create(), new Span(" " + getTranslation("filing.reminders.title", pending.size())));
        add(title);
        if (pending.isEmpty()) {
            add(new Span(getTranslation("filing.reminders.none")));
            return;
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Paris"));
        UnorderedList list = new UnorderedList();
        for (PendingReview p : pending) {
            ListItem item = new ListItem(new Anchor("projects/" + p.projectId() + "/readiness", p.title()),
                    new Span(" — " + getTranslation("filing.reminders.item", p.owner(), dates.format(p.requestedAt()), p.daysWaiting())));
            if (p.overdue()) {
                Span late = new Span(getTranslation("filing.reminders.late", overdueDays));
                late.getElement().getThemeList().add("badge");
                late.getElement().getThemeList().add("error");
                item.add(new Span(" "), late);
            }
            list.add(item);
        }
        add(list);
    }
}
