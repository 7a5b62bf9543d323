package fr.atelier51.project.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.service.AccountService;
import fr.atelier51.base.domain.Region;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.ui.ProjectRoute;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectEvent;
import fr.atelier51.project.domain.ProjectEventType;
import fr.atelier51.project.service.ProjectPermissions;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.project.service.LetterContents;
import fr.atelier51.project.service.ProjectWorkflow;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** A project's home: status banner, what it is, who works on it, and its timeline. */
@Route("projects/:id")
@PermitAll
public class ProjectView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProjectService projectService;
    private final AccountService accountService;
    private final ProjectWorkflow workflow;
    private final List<LetterContents> letterContents;
    private long projectId;
    private String title = "Atelier 51";

    public ProjectView(ProjectService projectService, AccountService accountService, ProjectWorkflow workflow,
                       List<LetterContents> letterContents) {
        this.letterContents = letterContents;
        this.projectService = projectService;
        this.accountService = accountService;
        this.workflow = workflow;
        addClassName("project-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OptionalLong routeId = ProjectRoute.id(event);
        if (routeId.isEmpty()) {
            return;
        }
        projectId = routeId.getAsLong();
        // A project the user may not see raises the service's NotFoundException: BusinessErrorView answers.
        render();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render() {
        Project project = projectService.get(projectId);
        ProjectPermissions rights = projectService.permissions(projectId);
        title = project.getTitle() + " — Atelier 51";
        removeAll();

        add(new StatusPanel(workflow, project, this::render));
        H2 heading = new H2(project.getTitle());
        heading.setId("project-title-heading");
        add(heading);
        if (project.getSummary() != null) {
            add(new Paragraph(project.getSummary()));
        }
        add(facts(project));
        add(workLinks(project));
        if (rights.canSeePrivateNotes()) {
            add(privateNotesLink());
        }
        add(members(project, rights));
        add(timeline());
    }

    private Component facts(Project project) {
        UnorderedList list = new UnorderedList();
        list.addClassName("project-facts");
        list.add(new ListItem(getTranslation("project.field.organisation") + " : "
                + (project.getOrganisation() == null ? "—" : project.getOrganisation())));
        list.add(new ListItem(getTranslation("project.field.regions") + " : "
                + (project.getRegions().isEmpty() ? getTranslation("project.regions-none")
                : project.getRegions().stream().map(Region::label).sorted().collect(Collectors.joining(", ")))));
        list.add(new ListItem(getTranslation("project.created-on", format(project.getCreatedAt(), FormatStyle.LONG))));
        return list;
    }

    private Component members(Project project, ProjectPermissions rights) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("project-members");
        box.add(new H3(getTranslation("project.members")));
        UnorderedList people = new UnorderedList();
        people.add(member(project.getOwner(), "project.role.owner", null));
        project.getCoHolders().forEach(h -> people.add(member(h, "project.role.co-holder",
                rights.isOwner() ? () -> projectService.removeCoHolder(projectId, h.getId()) : null)));
        project.getCoaches().forEach(c -> people.add(member(c, "project.role.coach",
                rights.canAssignCoaches() ? () -> projectService.unassignCoach(projectId, c.getId()) : null)));
        box.add(people);

        if (rights.isOwner()) {
            EmailField email = new EmailField();
            email.setId("invite-email");
            email.setLabel(getTranslation("project.invite-label"));
            email.setPlaceholder(getTranslation("project.invite-placeholder"));
            email.setWidth("24em");
            Button invite = new Button(getTranslation("project.invite"), e -> {
                try {
                    projectService.inviteCoHolder(projectId, email.getValue());
                    Notification.show(getTranslation("project.invited"));
                    render();
                } catch (BusinessException ex) {
                    email.setInvalid(true);
                    email.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                }
            });
            invite.setId("invite-button");
            HorizontalLayout row = new HorizontalLayout(email, invite);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            box.add(row);
        }
        if (rights.canAssignCoaches()) {
            ComboBox<Account> coach = new ComboBox<>();
            coach.setId("assign-coach");
            coach.setLabel(getTranslation("project.assign-label"));
            coach.setPlaceholder(getTranslation("project.assign-placeholder"));
            coach.setWidth("24em");
            coach.setItems(accountService.listActiveCoaches().stream().filter(c -> !project.isAssignedCoach(c)).toList());
            coach.setItemLabelGenerator(c -> c.getDisplayName() + " (" + c.getEmail() + ")");
            Button assign = new Button(getTranslation("project.assign"), e -> {
                if (coach.getValue() == null) {
                    coach.setInvalid(true);
                    coach.setErrorMessage(getTranslation("project.error.coach-required"));
                    return;
                }
                projectService.assignCoach(projectId, coach.getValue().getId());
                Notification.show(getTranslation("project.assigned", coach.getValue().getDisplayName()));
                render();
            });
            assign.setId("assign-button");
            HorizontalLayout row = new HorizontalLayout(coach, assign);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            box.add(row);
        }
        return box;
    }

    /**
     * The project's work places (assistant, letter) and the letter's exports. Linked by address, so this feature
     * does not depend on the ones that serve them.
     */
    private Component workLinks(Project project) {
        Button assistant = new Button(getTranslation("assistant.open"), e -> getUI().ifPresent(ui -> ui.navigate("projects/" + projectId + "/assistant")));
        assistant.setId("open-assistant");
        Button letter = new Button(getTranslation("project.open-letter"), e -> getUI().ifPresent(ui -> ui.navigate("projects/" + projectId + "/letter")));
        letter.setId("open-letter");
        letter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button readiness = new Button(getTranslation("project.open-readiness"), e -> getUI().ifPresent(ui -> ui.navigate("projects/" + projectId + "/readiness")));
        readiness.setId("open-readiness");
        HorizontalLayout exports = new HorizontalLayout(new Span(getTranslation("project.export-letter")));
        // An empty letter has nothing to export: say so here rather than let the browser save an error as a file.
        boolean hasText = letterContents.stream().anyMatch(contents -> contents.hasText(projectId));
        if (hasText) {
            for (String format : new String[]{"pdf", "docx", "md"}) {
                Anchor link = new Anchor("api/projects/" + projectId + "/letter." + format, format.toUpperCase(java.util.Locale.ROOT));
                link.setRouterIgnore(true);
                link.getElement().setAttribute("download", true);
                link.setId("export-" + format);
                exports.add(link);
            }
        } else {
            Span empty = new Span(getTranslation("project.export-empty"));
            empty.setId("export-empty");
            empty.addClassName("export-empty");
            exports.add(empty);
        }
        Anchor dossier = new Anchor("api/projects/" + projectId + "/dossier.zip", getTranslation("filing.dossier"));
        dossier.setRouterIgnore(true);
        dossier.getElement().setAttribute("download", true);
        dossier.setId("export-dossier");
        exports.add(dossier);
        exports.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout row = new HorizontalLayout(assistant, letter, readiness, exports);
        if (project.getFiledOn() != null) {
            Anchor filed = new Anchor("projects/" + projectId + "/filed", getTranslation("filing.open-filed"));
            filed.setId("open-filed");
            row.add(filed);
        }
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    /** One person of the team; with a "remove" button when the viewer may remove them. */
    private ListItem member(Account person, String roleKey, Runnable remove) {
        ListItem item = new ListItem(person.getDisplayName() + " — " + getTranslation(roleKey));
        if (remove != null) {
            Button button = new Button(getTranslation("project.unassign"), e -> {
                remove.run();
                render();
            });
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            item.add(new Span(" "), button);
        }
        return item;
    }

    private Component timeline() {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("project-timeline");
        box.add(new H3(getTranslation("project.timeline")));
        UnorderedList list = new UnorderedList();
        for (ProjectEvent event : projectService.timeline(projectId)) {
            String detail = event.getDetail() == null ? ""
                    : event.getType() == ProjectEventType.STATUS_CHANGED ? getTranslation("project.status." + event.getDetail())
                    : event.getDetail();
            String what = getTranslation(event.getType().labelKey(), event.getActor().getDisplayName(), detail);
            ListItem item = new ListItem(format(event.getOccurredAt(), FormatStyle.MEDIUM) + " — " + what);
            if (event.getNote() != null) {
                Paragraph note = new Paragraph(event.getNote());
                note.addClassName("event-note");
                item.add(note);
            }
            list.add(item);
        }
        box.add(list);
        return box;
    }

    private String format(java.time.Instant instant, FormatStyle style) {
        return DateTimeFormatter.ofLocalizedDateTime(style, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Paris")).format(instant);
    }

    /** Coaches' private notes: the link exists only for those who may read them (assigned coaches, admins). */
    private Component privateNotesLink() {
        Anchor notes = new Anchor("projects/" + projectId + "/notes", getTranslation("project.notes.open"));
        notes.setId("open-private-notes");
        return notes;
    }
}
