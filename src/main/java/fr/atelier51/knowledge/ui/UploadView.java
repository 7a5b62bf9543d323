package fr.atelier51.knowledge.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.knowledge.service.DocumentExtractor;
import fr.atelier51.knowledge.service.KnowledgeUploadService;
import fr.atelier51.knowledge.service.KnowledgeUploadService.UploadDocument;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * An uploaded document as extracted (a section per page or heading, each with its anchor so search results open
 * at the passage), with who added it and the original file to download. Text only: never the file's own HTML.
 */
@Route("knowledge/uploads/:id")
@PermitAll
public class UploadView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final KnowledgeUploadService uploads;
    private String title = "Atelier 51";

    public UploadView(KnowledgeUploadService uploads) {
        this.uploads = uploads;
        setMaxWidth("60em");
        addClassName("knowledge-upload");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String raw = event.getRouteParameters().get("id").orElse("");
        UploadDocument doc;
        try {
            doc = uploads.document(Long.parseLong(raw));
        } catch (NumberFormatException | BusinessException e) {
            event.rerouteToError(NotFoundException.class, getTranslation("knowledge.upload.error.not-found"));
            return;
        }
        title = doc.info().title();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Paris"));
        H2 heading = new H2(doc.info().title());
        heading.setId("upload-title");
        Span meta = new Span(getTranslation("knowledge.upload.meta", doc.info().fileName(), doc.info().addedBy(),
                dates.format(doc.info().addedAt()))
                + (doc.info().revision() > 1 ? " " + getTranslation("knowledge.upload.meta-replaced", doc.info().updatedBy(),
                dates.format(doc.info().updatedAt())) : ""));
        meta.addClassName("knowledge-breadcrumb");
        Anchor download = new Anchor(DownloadHandler.forFile(doc.file().toFile(), doc.info().fileName()),
                getTranslation("knowledge.upload.download"));
        download.setId("upload-download");
        Paragraph state = new Paragraph();
        state.setId("upload-state");
        switch (doc.info().status()) {
            case PENDING -> state.setText(getTranslation("knowledge.upload.page.pending"));
            case FAILED -> state.setText(getTranslation("knowledge.upload.page.failed", doc.info().failureKey() == null ? ""
                    : getTranslation(doc.info().failureKey(), doc.info().failureArgs())));
            case INDEXED -> state.setVisible(false);
        }
        Div body = new Div();
        body.setId("upload-body");
        for (DocumentExtractor.Section s : doc.sections()) {
            Div section = new Div();
            section.setId(s.anchor());
            if (!s.heading().isBlank()) {
                section.add(new H3(s.heading()));
            }
            Paragraph text = new Paragraph(s.text());
            text.getStyle().set("white-space", "pre-wrap");
            section.add(text);
            body.add(section);
        }
        add(new Anchor("knowledge", getTranslation("knowledge.back")), heading, meta, state, download, body);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
