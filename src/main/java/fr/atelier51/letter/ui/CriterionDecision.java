package fr.atelier51.letter.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.letter.domain.CriterionValidation;
import fr.atelier51.letter.domain.CtisCriterion;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.letter.service.CriterionValidationService;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Under a CTIS criterion: the coach's current decision (who, when, comment) for everyone, and for an assigned coach
 * or an admin the comment box and the two buttons to decide.
 */
class CriterionDecision extends Div {

    CriterionDecision(long projectId, CtisCriterion criterion, Readiness.Validation current, boolean canDecide,
                      CriterionValidationService service, Runnable onDecided) {
        addClassName("criterion-decision");
        setId("decision-" + criterion.name());
        Span state = new Span(current == null ? getTranslation("filing.decision.none")
                : getTranslation(current.validated() ? "filing.decision.validated" : "filing.decision.refused"));
        state.getElement().getThemeList().add("badge");
        if (current != null) {
            state.getElement().getThemeList().add(current.validated() ? "success" : "error");
        }
        state.addClassName("decision-state");
        add(state);
        if (current != null) {
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(getLocale()).withZone(ZoneId.of("Europe/Paris"));
            add(new Span(" " + getTranslation("filing.decision.by", current.author(), when.format(current.decidedAt()))));
            if (current.comment() != null) {
                Paragraph comment = new Paragraph(current.comment());
                comment.addClassName("decision-comment");
                add(comment);
            }
        }
        if (!canDecide) {
            return;
        }
        TextArea comment = new TextArea(getTranslation("filing.decision.comment"));
        comment.setId("comment-" + criterion.name());
        comment.setMaxLength(CriterionValidation.COMMENT_MAX);
        comment.setWidthFull();
        Button validate = new Button(getTranslation("filing.decision.validate"),
                e -> decide(service, projectId, criterion, true, comment, onDecided));
        validate.setId("validate-" + criterion.name());
        validate.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_SMALL);
        Button refuse = new Button(getTranslation("filing.decision.refuse"),
                e -> decide(service, projectId, criterion, false, comment, onDecided));
        refuse.setId("refuse-" + criterion.name());
        refuse.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        add(comment, new HorizontalLayout(validate, refuse));
    }

    private void decide(CriterionValidationService service, long projectId, CtisCriterion criterion, boolean validated,
                        TextArea comment, Runnable onDecided) {
        try {
            service.decide(projectId, criterion, validated, comment.getValue());
            onDecided.run();
        } catch (BusinessException e) {
            comment.setInvalid(true);
            comment.setErrorMessage(getTranslation(e.messageKey(), e.args()));
        }
    }
}
