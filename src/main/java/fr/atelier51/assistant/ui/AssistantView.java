package fr.atelier51.assistant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.messages.MessageListItem;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import fr.atelier51.assistant.domain.AssistantMessage;
import fr.atelier51.assistant.domain.Citation;
import fr.atelier51.assistant.domain.Derogation;
import fr.atelier51.assistant.domain.DerogationStatus;
import fr.atelier51.assistant.domain.EligibilityCheck;
import fr.atelier51.assistant.domain.MessageAuthor;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.service.AssistantReply;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The chat with the assistant, beside the live record card (journey 1). Thin: everything goes through the service. */
@Route("projects/:id/assistant")
@PermitAll
public class AssistantView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AssistantService assistant;
    private final ProjectService projects;
    private final MessageList messages = new MessageList();
    private final MessageInput input = new MessageInput();
    private final Div card = new Div();
    private final List<MessageListItem> items = new ArrayList<>();
    private long projectId;
    private boolean canTalk;
    private String title = "Atelier 51";

    public AssistantView(AssistantService assistant, ProjectService projects) {
        this.assistant = assistant;
        this.projects = projects;
        addClassName("assistant-view");
        setSizeFull();
        messages.setId("assistant-messages");
        messages.setMarkdown(true);
        messages.setAnnounceMessages(true);
        input.setId("assistant-input");
        input.addSubmitListener(e -> send(e.getValue()));
        card.setId("assistant-summary");
        card.addClassName("assistant-summary");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            projectId = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class, getTranslation("project.error.not-found"));
            return;
        }
        Project project = projects.get(projectId); // not readable → the service's NotFoundException → error view
        canTalk = assistant.canTalk(projectId);
        title = getTranslation("assistant.title") + " — " + project.getTitle();
        render(project);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render(Project project) {
        removeAll();
        VerticalLayout chat = new VerticalLayout();
        chat.addClassName("assistant-chat");
        chat.setHeightFull();
        chat.setWidth("60%");
        Anchor backLink = new Anchor("projects/" + projectId, "← " + getTranslation("assistant.back"));
        backLink.setId("assistant-back");
        H2 heading = new H2(getTranslation("assistant.title") + " — " + project.getTitle());
        chat.add(backLink, heading);
        items.clear();
        for (AssistantMessage m : assistant.conversation(projectId)) {
            items.add(item(m.getAuthor(), m.getAuthorName(), m.getText(), m.getCitations(), m.getCreatedAt()));
        }
        messages.setItems(items);
        messages.setSizeFull();
        chat.add(messages);
        chat.setFlexGrow(1, messages);
        if (canTalk) {
            input.setWidthFull();
            input.setI18n(new com.vaadin.flow.component.messages.MessageInputI18n().setMessage(getTranslation("assistant.input-placeholder"))
                    .setSend(getTranslation("assistant.send")));
            chat.add(input);
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("assistant.read-only"));
            readOnly.setId("assistant-read-only");
            chat.add(readOnly);
        }
        add(chat, card);
        card.setWidth("40%");
        renderCard(assistant.state(projectId));
    }

    private void send(String text) {
        try {
            AssistantReply reply = assistant.reply(projectId, text);
            if (text != null && !text.isBlank()) {
                items.add(item(MessageAuthor.HOLDER, getTranslation("assistant.you"), text, List.of(), Instant.now()));
            }
            items.add(item(MessageAuthor.ASSISTANT, null, reply.text(), reply.citations(), Instant.now()));
            messages.setItems(items);
            renderCard(reply.record());
        } catch (BusinessException e) {
            com.vaadin.flow.component.notification.Notification.show(getTranslation(e.messageKey(), e.args()));
        }
    }

    private MessageListItem item(MessageAuthor author, String name, String text, List<Citation> citations, Instant at) {
        StringBuilder body = new StringBuilder(escape(text));
        if (!citations.isEmpty()) {
            body.append("\n\n**").append(getTranslation("assistant.sources")).append(" :** ")
                    .append(citations.stream().map(AssistantView::link).collect(Collectors.joining(" · ")));
        }
        boolean mine = author == MessageAuthor.HOLDER;
        MessageListItem item = new MessageListItem(body.toString(), at,
                mine ? (name == null ? getTranslation("assistant.you") : name) : getTranslation("assistant.name"));
        item.setUserColorIndex(mine ? 1 : 3);
        item.addThemeNames(mine ? "holder" : "assistant");
        return item;
    }

    static String link(Citation c) {
        String label = c.label().replace("[", "(").replace("]", ")");
        return c.url() == null ? label : "[" + label + "](" + c.url().replace(" ", "%20").replace(")", "%29") + ")";
    }

    /** The holder's text and ours are plain text: keep Markdown from reinterpreting it (line breaks are kept). */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replace("\n", "  \n");
    }

    // ------------------------------------------------------------------------------------------ record card

    private void renderCard(ProjectRecord r) {
        card.removeAll();
        card.add(new H3(getTranslation("assistant.summary")));
        card.add(verdict(r));
        field("problem", r.getProblem());
        field("population", r.getPopulation());
        field("professionals", join(r.getProfessionals()));
        field("organisation", r.getOrganisation() != null ? r.getOrganisation() : join(r.getSettings()));
        field("payment", r.getPaymentChange() != null ? r.getPaymentChange() : join(r.getPaymentModels()));
        field("territories", join(r.getTerritories()));
        Div scope = field("scope", r.getScope() == null ? null : r.getScope().label());
        scope.setId("summary-scope");
        if (r.getScopeReasoning() != null) {
            Span why = new Span(r.getScopeReasoning());
            why.addClassName("assistant-reasoning");
            scope.add(why);
        }
        Div destination = field("destination", r.getDestination() == null ? null : r.getDestination().name());
        destination.setId("summary-destination");
        if (r.getDestination() != null && r.getDestination().site() != null) {
            Anchor site = new Anchor(r.getDestination().site(), getTranslation("assistant.summary.site-unchecked"), AnchorTarget.BLANK);
            destination.add(new Span(" — "), site);
        }
        field("funds", r.getFunds().isEmpty() ? null : r.getFunds().stream()
                .map(f -> (f.fund() == null ? "" : f.fund() + " : ") + f.explanation()).collect(Collectors.joining(" ")));
        card.add(derogations(r));
        field("categories", join(r.getCategories()));
        field("duration", r.getDurationMonths() == null ? r.getDurationNote()
                : getTranslation("assistant.summary.months", r.getDurationMonths()));
        field("evaluation", join(r.getEvaluationIdeas()));
        card.add(checks(r));
    }

    private Div field(String key, String value) {
        Div row = new Div();
        row.addClassName("assistant-field");
        Span label = new Span(getTranslation("assistant.summary." + key) + " : ");
        label.addClassName("assistant-field-label");
        Span text = new Span(value == null || value.isBlank() ? getTranslation("assistant.summary.unknown") : value);
        row.add(label, text);
        card.add(row);
        return row;
    }

    private Component verdict(ProjectRecord r) {
        Div box = new Div();
        box.setId("summary-verdict");
        box.addClassNames("assistant-verdict", "verdict-" + r.getVerdict().name().toLowerCase());
        box.add(new H4(getTranslation("assistant.summary.verdict") + " : " + getTranslation("assistant.verdict." + r.getVerdict().name())));
        if (r.getVerdictExplanation() != null) {
            box.add(new Paragraph(r.getVerdictExplanation()));
        }
        if (r.getNextAction() != null) {
            box.add(new Paragraph("→ " + r.getNextAction()));
        }
        return box;
    }

    private Component derogations(ProjectRecord r) {
        Div box = new Div();
        box.setId("summary-derogations");
        box.add(new H4(getTranslation("assistant.summary.derogations")));
        if (r.getDerogations().isEmpty()) {
            box.add(new Span(getTranslation("assistant.summary.none")));
            return box;
        }
        UnorderedList list = new UnorderedList();
        for (Derogation d : r.getDerogations()) {
            ListItem li = new ListItem();
            li.addClassNames("assistant-derogation", "derogation-" + d.getStatus().name().toLowerCase());
            li.add(new Anchor("/knowledge/articles/L162-31-1", d.getReference()), new Span(" — " + d.getTitle() + " ("
                    + getTranslation("assistant.derogation.status." + d.getStatus().name()) + ")"));
            if (d.isHasOpinion()) {
                Span has = new Span(getTranslation("assistant.derogation.has"));
                has.getElement().getThemeList().add("badge warning");
                li.add(new Span(" "), has);
            }
            li.add(new Paragraph(d.getExplanation()));
            if (d.getJustification() != null) {
                li.add(new Paragraph("« " + d.getJustification() + " »"));
            }
            if (canTalk && d.getStatus() != DerogationStatus.REJECTED) {
                TextField why = new TextField();
                why.setPlaceholder(getTranslation("assistant.derogation.justification"));
                why.setAriaLabel(getTranslation("assistant.derogation.justification"));
                if (d.getJustification() != null) {
                    why.setValue(d.getJustification());
                }
                Button confirm = new Button(getTranslation("assistant.derogation.confirm"),
                        e -> renderCard(assistant.confirmDerogation(projectId, d.getCode(), why.getValue())));
                confirm.setId("confirm-" + d.getCode());
                confirm.addThemeVariants(ButtonVariant.LUMO_SMALL);
                Button reject = new Button(getTranslation("assistant.derogation.reject"),
                        e -> renderCard(assistant.rejectDerogation(projectId, d.getCode())));
                reject.setId("reject-" + d.getCode());
                reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                HorizontalLayout row = new HorizontalLayout(why, confirm, reject);
                row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
                li.add(row);
            }
            list.add(li);
        }
        box.add(list);
        return box;
    }

    private Component checks(ProjectRecord r) {
        Div box = new Div();
        box.setId("summary-checks");
        UnorderedList list = new UnorderedList();
        for (EligibilityCheck c : r.getChecks()) {
            ListItem li = new ListItem();
            li.addClassNames("assistant-check", "check-" + c.status().name().toLowerCase());
            li.add(new Span(c.id() + " — " + c.rule() + " : " + getTranslation("assistant.check." + c.status().name()) + ". "),
                    new Span(c.reason() + " "));
            if (c.alternative() != null) {
                li.add(new Span("→ " + c.alternative() + " "));
            }
            if (c.source() != null && c.source().url() != null) {
                li.add(new Anchor(c.source().url(), c.source().label()));
            }
            list.add(li);
        }
        box.add(list);
        return box;
    }

    private String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
