package fr.atelier51.knowledge.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import fr.atelier51.knowledge.domain.ArticleRefs;
import fr.atelier51.knowledge.domain.Note;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import fr.atelier51.knowledge.service.NoteRenderer;
import jakarta.annotation.security.PermitAll;

import java.util.Optional;

/**
 * One of our methodology notes, rendered from Markdown (sanitised); sections carry their anchor so
 * {@code knowledge/notes/ID#section} opens at the passage. Route kept stable: other features link here.
 */
@Route("knowledge/notes/:id")
@PermitAll
public class NoteView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final KnowledgeSearchService search;
    private String title = "Atelier 51";

    public NoteView(KnowledgeSearchService search) {
        this.search = search;
        setMaxWidth("60em");
        addClassName("knowledge-note");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        Optional<Note> note = search.note(id);
        if (note.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("knowledge.error.note-not-found", id));
            return;
        }
        Note n = note.get();
        title = n.title();
        H2 heading = new H2(n.title());
        heading.setId("note-title");
        Span updated = new Span(n.updated() == null ? "" : getTranslation("knowledge.note.updated", n.updated()));
        updated.addClassName("knowledge-breadcrumb");
        HorizontalLayout refs = new HorizontalLayout();
        refs.setWrap(true);
        refs.addClassName("knowledge-note-refs");
        for (String ref : n.references()) {
            if (search.hasArticle(ref)) {
                refs.add(new Anchor("knowledge/articles/" + ref, ArticleRefs.display(ref)));
            } else {
                refs.add(new Span(ArticleRefs.display(ref)));
            }
        }
        Div body = new Div();
        body.setId("note-body");
        body.addClassName("knowledge-note-body");
        body.getElement().setProperty("innerHTML", NoteRenderer.toSafeHtml(n.markdown()));
        add(new Anchor("knowledge", getTranslation("knowledge.back")), heading, updated, refs, body);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
