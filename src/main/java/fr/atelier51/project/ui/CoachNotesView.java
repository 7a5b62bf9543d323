package fr.atelier51.project.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.ui.ProjectRoute;
import fr.atelier51.base.ui.SafeMarkdown;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.CoachNoteService;
import fr.atelier51.project.service.CoachNoteService.NoteView;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.OptionalLong;

/**
 * Coaches' private notes on a project: the project's assigned coaches and admins read them all and write, edit and
 * delete their own. Anyone else gets "not found" from the service, holders included.
 */
@Route("projects/:id/notes")
@PermitAll
public class CoachNotesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CoachNoteService notes;
    private final VerticalLayout list = new VerticalLayout();
    private long projectId;
    private String title = "Atelier 51";

    public CoachNotesView(CoachNoteService notes) {
        this.notes = notes;
        addClassName("coach-notes-view");
        list.setId("coach-notes");
        list.setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OptionalLong routeId = ProjectRoute.id(event);
        if (routeId.isEmpty()) {
            return;
        }
        projectId = routeId.getAsLong();
        Project project = notes.project(projectId); // not allowed: the service's NotFoundException answers
        title = getTranslation("project.notes.page-title", project.getTitle());
        removeAll();
        Anchor back = new Anchor("projects/" + projectId, getTranslation("project.notes.back"));
        back.setId("notes-back");
        H2 heading = new H2(getTranslation("project.notes.title", project.getTitle()));
        Paragraph who = new Paragraph(getTranslation("project.notes.private"));
        who.addClassName("notes-private-hint");
        add(back, heading, who, editor(null, null), list);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void refresh() {
        list.removeAll();
        var all = notes.list(projectId);
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("project.notes.none"));
            none.setId("notes-empty");
            list.add(none);
        }
        all.forEach(n -> list.add(card(n)));
    }

    private Component card(NoteView note) {
        Div card = new Div();
        card.setId("note-" + note.id());
        card.addClassName("coach-note");
        Span meta = new Span(note.authorName() + " — " + format(note.createdAt())
                + (note.edited() ? " (" + getTranslation("project.notes.edited", format(note.updatedAt())) + ")" : ""));
        meta.addClassName("coach-note-meta");
        card.add(meta, SafeMarkdown.component(note.body()));
        if (note.mine()) {
            Button edit = new Button(getTranslation("project.notes.edit"), e -> {
                card.removeAll();
                card.add(editor(note, this::refresh));
            });
            edit.setId("note-edit-" + note.id());
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Button delete = new Button(getTranslation("project.notes.delete"));
            delete.setId("note-delete-" + note.id());
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            delete.addClickListener(e -> {
                if (!"confirm".equals(delete.getElement().getAttribute("data-step"))) {
                    // Two clicks: a note is gone for good once deleted.
                    delete.getElement().setAttribute("data-step", "confirm");
                    delete.setText(getTranslation("project.notes.delete-confirm"));
                    return;
                }
                notes.delete(note.id());
                refresh();
            });
            card.add(new HorizontalLayout(edit, delete));
        }
        return card;
    }

    /** The form for a new note ({@code note} null) or to edit one. */
    private Component editor(NoteView note, Runnable cancel) {
        TextArea text = new TextArea(getTranslation(note == null ? "project.notes.new" : "project.notes.edit-label"));
        text.setId(note == null ? "note-new" : "note-text-" + note.id());
        text.setWidthFull();
        text.setMinHeight("6em");
        text.setHelperText(getTranslation("project.notes.markdown-hint"));
        if (note != null) {
            text.setValue(note.body());
        }
        Button save = new Button(getTranslation(note == null ? "project.notes.add" : "project.notes.save"), e -> {
            try {
                if (note == null) {
                    notes.add(projectId, text.getValue());
                    text.clear();
                } else {
                    notes.edit(note.id(), text.getValue());
                }
                text.setInvalid(false);
                refresh();
            } catch (BusinessException ex) {
                text.setInvalid(true); // what was typed stays in the field
                text.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId(note == null ? "note-add" : "note-save-" + note.id());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(save);
        if (cancel != null) {
            Button back = new Button(getTranslation("project.notes.cancel"), e -> cancel.run());
            buttons.add(back);
        }
        VerticalLayout form = new VerticalLayout(text, buttons);
        form.setPadding(false);
        return form;
    }

    private String format(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Paris")).format(instant);
    }
}
