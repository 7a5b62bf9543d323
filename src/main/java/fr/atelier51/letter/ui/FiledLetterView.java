package fr.atelier51.letter.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.atelier51.letter.domain.FiledLetter;
import fr.atelier51.letter.domain.FiledSection;
import fr.atelier51.letter.service.FilingService;
import jakarta.annotation.security.PermitAll;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The letter as it was filed, read-only, with the exact PDF that was sent. Several filings (after "modifications
 * après dépôt") are numbered; {@code ?n=} picks one, the latest by default.
 */
@Route("projects/:id/filed")
@PageTitle("Atelier 51")
@PermitAll
public class FiledLetterView extends VerticalLayout implements BeforeEnterObserver {

    private final FilingService filing;

    public FiledLetterView(FilingService filing) {
        this.filing = filing;
        addClassName("filed-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long projectId;
        Integer number = null;
        try {
            projectId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            List<String> n = event.getLocation().getQueryParameters().getParameters().get("n");
            if (n != null && !n.isEmpty()) {
                number = Integer.parseInt(n.getFirst());
            }
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class, getTranslation("project.error.not-found"));
            return;
        }
        List<FiledLetter> all = filing.list(projectId);
        removeAll();
        add(new HorizontalLayout(new Anchor("projects/" + projectId, getTranslation("readiness.back")),
                new Anchor("projects/" + projectId + "/letter", getTranslation("filing.view.workspace"))));
        H2 title = new H2(getTranslation("filing.view.title"));
        title.setId("page-title");
        add(title);
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("filing.view.none"));
            none.setId("filed-none");
            add(none);
            return;
        }
        render(projectId, filing.get(projectId, number), all, filing.changedSinceFiling(projectId));
    }

    private void render(long projectId, FiledLetter shown, List<FiledLetter> all, boolean changedSince) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        if (all.size() > 1) {
            HorizontalLayout versions = new HorizontalLayout(new Span(getTranslation("filing.view.versions")));
            versions.setId("filed-versions");
            for (FiledLetter f : all) {
                String label = getTranslation("filing.view.version", f.getNumber(), dates.format(f.getFiledOn()));
                versions.add(f.getNumber() == shown.getNumber() ? new Span(label)
                        : new Anchor("projects/" + projectId + "/filed?n=" + f.getNumber(), label));
            }
            add(versions);
        }
        Div banner = new Div(new Span(getTranslation("filing.view.banner", shown.getNumber(), dates.format(shown.getFiledOn()),
                shown.getDestination(), shown.getFiledByName())));
        banner.setId("filed-banner");
        banner.addClassNames("status-banner", "status-deposee");
        Anchor pdf = new Anchor("api/projects/" + projectId + "/filed/" + shown.getNumber() + ".pdf", getTranslation("filing.view.download"));
        pdf.setRouterIgnore(true);
        pdf.getElement().setAttribute("download", true);
        pdf.setId("filed-pdf");
        banner.add(pdf);
        add(banner);
        if (changedSince) {
            Paragraph changed = new Paragraph(getTranslation("filing.view.changed-since"));
            changed.setId("filed-changed");
            changed.addClassName("readiness-reason");
            add(changed);
        }
        Span fingerprint = new Span(getTranslation("filing.view.fingerprint", shown.getPdfSha256()));
        fingerprint.addClassName("readiness-source");
        add(fingerprint);
        Div letter = new Div();
        letter.setId("filed-letter");
        letter.addClassName("filed-letter");
        int n = 1;
        for (FiledSection section : shown.getSections()) {
            letter.add(new H3(n++ + ". " + section.getHeading()));
            Paragraph body = new Paragraph(section.getBody().isBlank() ? "—" : section.getBody());
            body.getStyle().set("white-space", "pre-wrap");
            letter.add(body);
        }
        add(letter);
    }
}
