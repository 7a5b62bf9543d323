package fr.atelier51.assistant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
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
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import fr.atelier51.assistant.domain.AssistantMessage;
import fr.atelier51.assistant.domain.Citation;
import fr.atelier51.assistant.domain.Derogation;
import fr.atelier51.assistant.domain.DerogationCatalogue;
import fr.atelier51.assistant.domain.DerogationDefinition;
import fr.atelier51.assistant.domain.DerogationStatus;
import fr.atelier51.assistant.domain.EligibilityCheck;
import fr.atelier51.assistant.domain.MessageAuthor;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.service.AssistantReply;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.assistant.service.InterviewEngine;
import fr.atelier51.assistant.service.StreamingPhrasing;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.ui.ProjectRoute;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import jakarta.annotation.security.PermitAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;
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
    /** The hand-correction form stays open across re-renders of the card. */
    private boolean correcting;
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
        OptionalLong routeId = ProjectRoute.id(event);
        if (routeId.isEmpty()) {
            return;
        }
        projectId = routeId.getAsLong();
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
            AssistantReply reply = assistant.reply(projectId, text, true);
            if (text != null && !text.isBlank()) {
                items.add(item(MessageAuthor.HOLDER, getTranslation("assistant.you"), text, List.of(), Instant.now()));
            }
            // The engine's record and sources come first; a streaming model's words then fill the reply in.
            boolean streaming = reply.phrasing() != null;
            MessageListItem answer = item(MessageAuthor.ASSISTANT, null, streaming ? "…" : reply.text(), reply.citations(), Instant.now());
            items.add(answer);
            messages.setItems(items);
            renderCard(reply.record());
            if (streaming) {
                stream(reply, answer);
            }
        } catch (BusinessException e) {
            Notification.show(getTranslation(e.messageKey(), e.args()));
        }
    }

    /** Shows the streamed reply token by token (pushed to the browser), and its final text once the stream ends. */
    private void stream(AssistantReply reply, MessageListItem answer) {
        UI ui = UI.getCurrent();
        input.setEnabled(false);
        answer.addClassNames("assistant-streaming");
        assistant.streamPhrasing(reply.phrasing(), new StreamingPhrasing.Listener() {
            @Override
            public void partial(String textSoFar) {
                push(ui, () -> answer.setText(body(textSoFar, reply.citations())));
            }

            @Override
            public void done(String finalText, boolean fallback) {
                push(ui, () -> {
                    answer.setText(body(finalText, reply.citations()));
                    answer.removeClassNames("assistant-streaming");
                    if (fallback) {
                        answer.addClassNames("assistant-fallback");
                    }
                    input.setEnabled(true);
                });
            }
        });
    }

    /** Runs on the UI's thread; a closed tab no longer listens (the final text is saved anyway). */
    private static void push(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException e) {
            // the holder left: nothing to show
        }
    }

    /** A message's Markdown: its plain text, then its sources as links to the knowledge base. */
    private String body(String text, List<Citation> citations) {
        StringBuilder body = new StringBuilder(escape(text));
        if (!citations.isEmpty()) {
            body.append("\n\n**").append(getTranslation("assistant.sources")).append(" :** ")
                    .append(citations.stream().map(AssistantView::link).collect(Collectors.joining(" · ")));
        }
        return body.toString();
    }

    private MessageListItem item(MessageAuthor author, String name, String text, List<Citation> citations, Instant at) {
        boolean mine = author == MessageAuthor.HOLDER;
        MessageListItem item = new MessageListItem(body(text, citations), at,
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
        if (canTalk) {
            card.addComponentAtIndex(2, correction(r));
        }
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
            if (canTalk) {
                box.add(addDerogation(r));
            }
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
            if (canTalk) {
                TextField why = new TextField();
                why.setId("justification-" + d.getCode());
                why.setPlaceholder(getTranslation("assistant.derogation.justification"));
                why.setAriaLabel(getTranslation("assistant.derogation.justification"));
                why.setMaxLength(ProjectRecord.TEXT_MAX);
                if (d.getJustification() != null) {
                    why.setValue(d.getJustification());
                }
                boolean rejected = d.getStatus() == DerogationStatus.REJECTED;
                Button confirm = new Button(getTranslation(rejected ? "assistant.derogation.restore" : "assistant.derogation.confirm"),
                        e -> act(why, () -> assistant.confirmDerogation(projectId, d.getCode(), why.getValue())));
                confirm.setId("confirm-" + d.getCode());
                confirm.addThemeVariants(ButtonVariant.LUMO_SMALL);
                HorizontalLayout row = new HorizontalLayout(why, confirm);
                if (!rejected) {
                    Button reject = new Button(getTranslation("assistant.derogation.reject"),
                            e -> act(why, () -> assistant.rejectDerogation(projectId, d.getCode())));
                    reject.setId("reject-" + d.getCode());
                    reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    row.add(reject);
                }
                row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
                li.add(row);
            }
            list.add(li);
        }
        box.add(list);
        if (canTalk) {
            box.add(addDerogation(r));
        }
        return box;
    }

    /** A derogation the assistant did not propose, added by the holder with their justification. */
    private Component addDerogation(ProjectRecord r) {
        List<String> present = r.getDerogations().stream().map(Derogation::getCode).toList();
        ComboBox<DerogationDefinition> choice = new ComboBox<>(getTranslation("assistant.derogation.add-choose"));
        choice.setId("derogation-add-code");
        choice.setItems(DerogationCatalogue.all().stream().filter(d -> !present.contains(d.code())).toList());
        choice.setItemLabelGenerator(d -> d.reference() + " — " + d.title());
        choice.setWidthFull();
        TextField why = new TextField();
        why.setId("derogation-add-justification");
        why.setPlaceholder(getTranslation("assistant.derogation.justification"));
        why.setAriaLabel(getTranslation("assistant.derogation.justification"));
        why.setMaxLength(ProjectRecord.TEXT_MAX);
        why.setWidthFull();
        Button add = new Button(getTranslation("assistant.derogation.add-button"), e -> {
            if (choice.getValue() == null) {
                choice.setErrorMessage(getTranslation("assistant.derogation.add-missing"));
                choice.setInvalid(true);
                return;
            }
            act(why, () -> assistant.confirmDerogation(projectId, choice.getValue().code(), why.getValue()));
        });
        add.setId("derogation-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div box = new Div(new H4(getTranslation("assistant.derogation.add")), choice, why, add);
        box.addClassName("assistant-derogation-add");
        return box;
    }

    // ------------------------------------------------------------------------------------------ hand corrections

    /**
     * Runs a change of the record and refreshes the card (verdict included) at once; a refusal is shown in French on the
     * field it concerns (and in a notification), and nothing is saved.
     */
    private void act(com.vaadin.flow.component.HasValidation field, Supplier<ProjectRecord> change) {
        try {
            renderCard(change.get());
        } catch (BusinessException e) {
            String message = getTranslation(e.messageKey(), e.args());
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
            Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void correct(com.vaadin.flow.component.HasValidation field, InterviewEngine.Correction correction) {
        act(field, () -> assistant.correct(projectId, correction));
    }

    private static InterviewEngine.Correction territories(List<String> names) {
        return new InterviewEngine.Correction(null, null, null, null, names, null, null);
    }

    private Component correction(ProjectRecord r) {
        Div box = new Div();
        box.setId("summary-correct");
        box.addClassName("assistant-correct");
        Button toggle = new Button(getTranslation(correcting ? "assistant.correct.close" : "assistant.correct.open"), e -> {
            correcting = !correcting;
            renderCard(r);
        });
        toggle.setId("summary-correct-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, correcting ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_CONTRAST);
        box.add(toggle);
        if (!correcting) {
            return box;
        }
        box.add(new H4(getTranslation("assistant.correct.title")), new Paragraph(getTranslation("assistant.correct.help")));

        // Territories: each one removable at once; scope, destination and funds are re-derived by the engine.
        List<String> current = new ArrayList<>(r.getTerritories());
        if (r.isNational()) {
            current.add("national");
        }
        Div territories = new Div();
        territories.setId("correct-territories");
        territories.add(new Span(getTranslation("assistant.correct.territories") + " : "));
        if (current.isEmpty()) {
            territories.add(new Span(getTranslation("assistant.correct.territories-none")));
        }
        for (int i = 0; i < current.size(); i++) {
            String name = current.get(i);
            String label = name.equals("national") ? getTranslation("assistant.correct.national") : name;
            Button remove = new Button("× " + label, e -> {
                List<String> rest = new ArrayList<>(current);
                rest.remove(name);
                correct(null, territories(rest));
            });
            remove.setId("remove-territory-" + i);
            remove.setAriaLabel(getTranslation("assistant.correct.territory-remove", label));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            territories.add(remove);
        }
        TextField newTerritory = new TextField(getTranslation("assistant.correct.territory-add"));
        newTerritory.setId("correct-territory");
        newTerritory.setWidthFull();
        Button addTerritory = new Button(getTranslation("assistant.correct.territory-add-button"), e -> {
            if (newTerritory.getValue().isBlank()) {
                return;
            }
            List<String> more = new ArrayList<>(current);
            more.add(newTerritory.getValue().strip());
            correct(newTerritory, territories(more));
        });
        addTerritory.setId("correct-territory-add");
        addTerritory.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout territoryRow = new HorizontalLayout(newTerritory, addTerritory);
        territoryRow.setWidthFull();
        territoryRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        TextArea problem = area("correct-problem", "assistant.correct.problem", r.getProblem());
        TextArea population = area("correct-population", "assistant.correct.population", r.getPopulation());
        IntegerField duration = new IntegerField(getTranslation("assistant.correct.duration"));
        duration.setId("correct-duration");
        duration.setValue(r.getDurationMonths());
        duration.setStepButtonsVisible(true);
        duration.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage(getTranslation("assistant.correct.duration-number")));
        TextArea evaluation = area("correct-evaluation", "assistant.correct.evaluation", String.join("\n", r.getEvaluationIdeas()));
        Button save = new Button(getTranslation("assistant.correct.save"), e -> {
            String p = changed(problem.getValue(), r.getProblem());
            String pop = changed(population.getValue(), r.getPopulation());
            Integer months = Objects.equals(duration.getValue(), r.getDurationMonths()) ? null : duration.getValue();
            List<String> ideas = Arrays.stream(evaluation.getValue().split("\\R")).map(String::strip).filter(x -> !x.isEmpty()).toList();
            List<String> newIdeas = ideas.equals(r.getEvaluationIdeas()) ? null : ideas;
            if (p == null && pop == null && months == null && newIdeas == null) {
                Notification.show(getTranslation("assistant.correct.nothing"));
                return;
            }
            duration.setInvalid(false);
            act(duration, () -> {
                ProjectRecord saved = assistant.correct(projectId, new InterviewEngine.Correction(p, pop, null, null, null, months, newIdeas));
                Notification.show(getTranslation("assistant.correct.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                return saved;
            });
        });
        save.setId("correct-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        box.add(territories, territoryRow, problem, population, duration, evaluation, save);
        return box;
    }

    private TextArea area(String id, String key, String value) {
        TextArea area = new TextArea(getTranslation(key));
        area.setId(id);
        area.setWidthFull();
        area.setMaxLength(ProjectRecord.TEXT_MAX);
        area.setValue(value == null ? "" : value);
        return area;
    }

    /** The new text when it differs from the record's ("" clears the field), else null (left as it is). */
    private static String changed(String value, String recorded) {
        String v = value == null ? "" : value.strip();
        return v.equals(recorded == null ? "" : recorded) ? null : v;
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
