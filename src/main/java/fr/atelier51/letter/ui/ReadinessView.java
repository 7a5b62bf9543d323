package fr.atelier51.letter.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.atelier51.base.ui.ProjectRoute;
import fr.atelier51.letter.domain.CtisCriterion;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.letter.service.CriterionValidationService;
import fr.atelier51.letter.service.ReadinessService;
import jakarta.annotation.security.PermitAll;

import java.util.OptionalLong;

/** The readiness panel: what the letter still lacks, section by section, against the law and the CTIS criteria. */
@Route("projects/:id/readiness")
@PageTitle("Atelier 51")
@PermitAll
public class ReadinessView extends VerticalLayout implements BeforeEnterObserver {

    private final ReadinessService readiness;
    private final CriterionValidationService validations;
    private boolean canDecide;

    public ReadinessView(ReadinessService readiness, CriterionValidationService validations) {
        this.readiness = readiness;
        this.validations = validations;
        addClassName("readiness-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long projectId;
        OptionalLong routeId = ProjectRoute.id(event);
        if (routeId.isEmpty()) {
            return;
        }
        projectId = routeId.getAsLong();
        canDecide = validations.canDecide(projectId);
        render(projectId, readiness.readiness(projectId));
    }

    private void render(long projectId, Readiness result) {
        removeAll();
        add(new Anchor("projects/" + projectId, getTranslation("readiness.back")));
        add(new H2(getTranslation("readiness.title")));
        Div overall = new Div(new Span(getTranslation("readiness.overall." + result.overall().name())),
                new Span(getTranslation("readiness.counts", result.count(Readiness.State.COMPLETE),
                        result.count(Readiness.State.THIN), result.count(Readiness.State.MISSING))),
                new Span(getTranslation("filing.percent", result.percent())));
        overall.setId("readiness-overall");
        overall.addClassNames("status-banner", switch (result.overall()) {
            case TO_COMPLETE -> "status-redaction";
            case READY_FOR_REVIEW -> "status-revue_coach";
            case VALIDATED_BY_COACH -> "status-deposee";
        });
        add(overall);
        Paragraph howto = new Paragraph(getTranslation("filing.overall.explain"));
        howto.setId("readiness-explain");
        howto.addClassName("readiness-reason");
        add(howto);
        for (Readiness.Group group : Readiness.Group.values()) {
            add(new H3(getTranslation("readiness.group." + group.name())));
            result.items().stream().filter(i -> i.group() == group).forEach(i -> {
                Div row = item(projectId, i);
                if (group == Readiness.Group.CTIS) {
                    CtisCriterion criterion = criterion(i.label());
                    row.add(new CriterionDecision(projectId, criterion, result.validations().get(criterion), canDecide,
                            validations, () -> render(projectId, readiness.readiness(projectId))));
                }
                add(row);
            });
        }
    }

    private static CtisCriterion criterion(String label) {
        for (CtisCriterion c : CtisCriterion.values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalStateException("Critère inconnu : " + label);
    }

    private Div item(long projectId, Readiness.Item item) {
        Span state = new Span(getTranslation("readiness.state." + item.state().name()));
        state.getElement().getThemeList().add("badge");
        state.getElement().getThemeList().add(switch (item.state()) {
            case COMPLETE -> "success";
            case THIN -> "contrast";
            case MISSING -> "error";
        });
        Div row = new Div(state, new Span(" " + item.label()));
        row.addClassName("readiness-item");
        if (!item.reason().isEmpty()) {
            Paragraph reason = new Paragraph(item.reason());
            reason.addClassName("readiness-reason");
            row.add(reason);
        }
        if (item.sectionKey() != null && item.state() != Readiness.State.COMPLETE) {
            row.add(new Anchor("projects/" + projectId + "/letter?section=" + item.sectionKey(), getTranslation("readiness.fix")));
        } else if (item.group() == Readiness.Group.ELIGIBILITY && item.state() != Readiness.State.COMPLETE) {
            row.add(new Anchor("projects/" + projectId + "/assistant", getTranslation("readiness.fix-assistant")));
        }
        Span source = new Span(item.source());
        source.addClassName("readiness-source");
        row.add(source);
        return row;
    }
}
