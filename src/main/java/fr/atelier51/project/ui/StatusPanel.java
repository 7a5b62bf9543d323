package fr.atelier51.project.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The status banner — always visible, so nobody mistakes a draft for a filed letter — with the lifecycle
 * actions the signed-in person may take now.
 */
class StatusPanel extends Div {

    private final ProjectWorkflow workflow;
    private final long projectId;
    private final Runnable onChange;
    private final ProjectStatus status;
    private final LocalDate filedOn;

    StatusPanel(ProjectWorkflow workflow, Project project, Runnable onChange) {
        this.workflow = workflow;
        this.projectId = project.getId();
        this.onChange = onChange;
        this.status = project.getStatus();
        this.filedOn = project.getFiledOn();
        setId("status-banner");
        addClassNames("status-banner", "status-" + status.name().toLowerCase());
        add(new Span(getTranslation("project.status-label")), new StatusBadge(status),
                new Span(getTranslation("project.status-help." + status.name())));
        if (project.getFiledOn() != null) {
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
            add(new Span(getTranslation("project.filed-on", dates.format(project.getFiledOn()), project.getFiledDestination())));
        }
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("status-actions");
        for (Transition transition : workflow.available(projectId)) {
            Button button = new Button(getTranslation(transition.labelKey()), e -> open(transition));
            button.setId("transition-" + transition.name());
            button.addThemeVariants(transition == Transition.ABANDON ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY,
                    ButtonVariant.LUMO_SMALL);
            actions.add(button);
        }
        add(actions);
    }

    private void open(Transition transition) {
        Dialog dialog = new Dialog();
        dialog.setId("transition-dialog");
        dialog.setHeaderTitle(getTranslation(transition.labelKey()));
        dialog.add(new Paragraph(getTranslation("transition.explain." + transition.name())));
        if (transition == Transition.REOPEN && status == ProjectStatus.DEPOSEE) {
            // un-filing changes an official record: say so before the owner or admin confirms
            Paragraph warning = new Paragraph(getTranslation("workflow.reopen-filed.warning", filedOn == null ? ""
                    : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).format(filedOn)));
            warning.setId("reopen-filed-warning");
            dialog.add(warning);
        }
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        TextField destination = new TextField(getTranslation("transition.destination"));
        destination.setId("transition-destination");
        destination.setMaxLength(ProjectWorkflow.DESTINATION_MAX);
        DatePicker date = new DatePicker(getTranslation("transition.date"));
        date.setId("transition-date");
        date.setLocale(getLocale());
        date.setMax(LocalDate.now(ZoneId.of("Europe/Paris")));
        date.setValue(LocalDate.now(ZoneId.of("Europe/Paris")));
        TextArea note = new TextArea(getTranslation(transition.needsNote() ? "transition.note-required" : "transition.note"));
        note.setId("transition-note");
        note.setMaxLength(ProjectWorkflow.NOTE_MAX);
        if (transition == Transition.FILE) {
            destination.setValue(workflow.proposedDestination(projectId));
            form.add(destination, date);
        } else if (transition.isOutcome()) {
            form.add(date, note);
        } else {
            form.add(note);
        }
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setId("transition-error");
        error.setVisible(false);
        Button confirm = new Button(getTranslation("action.confirm"), e -> {
            try {
                boolean dated = transition == Transition.FILE || transition.isOutcome();
                workflow.apply(projectId, new StatusChange(transition, note.getValue(), dated ? date.getValue() : null,
                        transition == Transition.FILE ? destination.getValue() : null));
                dialog.close();
                onChange.run();
            } catch (BusinessException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
                error.setVisible(true);
            }
        });
        confirm.setId("transition-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form, error);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.setWidth("32em");
        dialog.open();
    }
}
