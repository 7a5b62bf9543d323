package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.NamedVersion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Words and dates of the history, in the reader's language (French dates and times, Paris time). */
final class HistoryLabels {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private HistoryLabels() {
    }

    /** A named version's name: the person's words, or the automatic name in the reader's language. */
    static String name(Component c, NamedVersion n) {
        return switch (n.getKind()) {
            case MANUAL -> n.getName();
            case REVIEW_REQUESTED -> c.getTranslation("history.named.review", date(c, n.getEventDate()));
            case FILED -> c.getTranslation("history.named.filed", date(c, n.getEventDate()));
        };
    }

    /** "saisie", "API", "restauration"… (a kind added later shows its own name rather than nothing). */
    static String kind(Component c, ChangeKind kind) {
        String label = c.getTranslation("history.kind." + kind.name());
        return label.startsWith("!") ? kind.name().toLowerCase() : label;
    }

    static String date(Component c, LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
    }

    static String dateTime(Component c, Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale())
                .withZone(PARIS).format(at);
    }

    static String time(Component c, Instant at) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()).withZone(PARIS).format(at);
    }

    /** The reader's locale, as getTranslation uses it. */
    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.FRENCH : ui.getLocale();
    }

    /** "+12 / −3". */
    static String size(int inserted, int deleted) {
        return "+" + inserted + " / −" + deleted;
    }
}
