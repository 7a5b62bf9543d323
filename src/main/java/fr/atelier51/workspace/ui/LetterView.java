package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectPermissions;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.workspace.service.CommentBus;
import fr.atelier51.workspace.service.CommentService;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.Presence;
import fr.atelier51.workspace.service.SectionState;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The letter of intent of a project, co-edited live: the 15 sections on the left (with who is in each), the open
 * section with its guidance and the live editor, and who is here. Admins read only.
 */
@Route("projects/:id/letter")
@PermitAll
public class LetterView extends HorizontalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LetterService letters;
    private final ProjectService projects;
    private final JsonMapper json;
    private final CommentService comments;
    private final CommentBus commentBus;
    private final CurrentAccount currentAccount;
    private final Div commentsBox = new Div();
    private final Map<SectionKey, Span> sectionComments = new EnumMap<>(SectionKey.class);
    private CommentsPanel commentsPanel;
    private Account viewer;
    private ProjectPermissions rights;
    private Runnable stopListening;
    private long projectId;
    private String title = "Atelier 51";
    private SectionKey current = SectionKey.INTITULE;
    private final VerticalLayout nav = new VerticalLayout();
    private final VerticalLayout main = new VerticalLayout();
    private final Div presenceBar = new Div();
    private final Map<SectionKey, Div> sectionLinks = new EnumMap<>(SectionKey.class);
    private final Map<SectionKey, Div> sectionPeople = new EnumMap<>(SectionKey.class);
    private SectionEditor editor;
    private LetterService.PresenceHandle presence;
    private List<Presence> people = List.of();
    private String lastPeers = "";
    private String lastWhoIsWhere = "";
    private boolean previewOn;

    public LetterView(LetterService letters, ProjectService projects, JsonMapper json, CommentService comments,
                      CommentBus commentBus, CurrentAccount currentAccount) {
        this.letters = letters;
        this.projects = projects;
        this.json = json;
        this.comments = comments;
        this.commentBus = commentBus;
        this.currentAccount = currentAccount;
        commentsBox.setId("comments-box");
        commentsBox.addClassName("letter-comments");
        commentsBox.setWidth("24em");
        commentsBox.getStyle().set("flex-shrink", "0").set("overflow", "auto");
        addClassName("letter-view");
        setSizeFull();
        nav.addClassName("letter-nav");
        nav.setWidth("20em");
        nav.setPadding(false);
        nav.setSpacing(false);
        main.addClassName("letter-main");
        presenceBar.setId("presence");
        presenceBar.addClassName("letter-presence");
        add(nav, main, commentsBox);
        setFlexGrow(1, main);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("id").orElse("");
        try {
            projectId = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class, getTranslation("project.error.not-found"));
            return;
        }
        Project project = projects.get(projectId); // not readable: the service's NotFoundException answers
        title = getTranslation("workspace.page-title", project.getTitle());
        current = event.getLocation().getQueryParameters().getSingleParameter("section")
                .flatMap(SectionKey::parse).orElse(SectionKey.INTITULE);
        render(project);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render(Project project) {
        viewer = currentAccount.require();
        rights = letters.permissions(projectId);
        List<SectionState> sections = letters.letter(projectId);
        nav.removeAll();
        sectionLinks.clear();
        sectionPeople.clear();
        Anchor back = new Anchor("projects/" + projectId, getTranslation("workspace.back"));
        back.setId("back-to-project");
        nav.add(back, new H3(getTranslation("workspace.title")));
        for (SectionState s : sections) {
            Div link = new Div();
            link.setId("section-link-" + s.key().key());
            link.addClassName("letter-section-link");
            Span label = new Span((s.key().ordinal() + 1) + ". " + getTranslation(s.key().headingKey()));
            Div who = new Div();
            who.addClassName("letter-section-people");
            Span count = new Span();
            count.setId("section-comments-" + s.key().key());
            count.addClassName("letter-section-comments");
            sectionComments.put(s.key(), count);
            link.add(label, count, who);
            link.addClickListener(e -> open(s.key()));
            sectionLinks.put(s.key(), link);
            sectionPeople.put(s.key(), who);
            nav.add(link);
        }
        if (rights.canSeePrivateNotes()) {
            Anchor notes = new Anchor("projects/" + projectId + "/notes", getTranslation("workspace.private-notes"));
            notes.setId("letter-private-notes");
            nav.add(notes);
        }
        showCommentCounts();
        main.removeAll();
        H2 heading = new H2(project.getTitle());
        heading.setId("letter-project-title");
        main.add(heading, presenceBar);
        if (project.getFiledOn() != null) {
            main.add(SectionTools.filedBanner(project));
        }
        if (!rights.canWork()) {
            Paragraph readOnly = new Paragraph(getTranslation("workspace.read-only"));
            readOnly.setId("letter-read-only");
            main.add(readOnly);
        }
        Div sectionBox = new Div();
        sectionBox.setId("letter-section");
        sectionBox.setWidthFull();
        main.add(sectionBox);
        showSection(sectionBox);
    }

    private void open(SectionKey key) {
        if (key == current) {
            return;
        }
        current = key;
        UI.getCurrent().getPage().getHistory().replaceState(null,
                "projects/" + projectId + "/letter?" + QueryParameters.of("section", key.key()).getQueryString());
        main.getChildren().filter(c -> "letter-section".equals(c.getId().orElse(null))).findFirst()
                .ifPresent(box -> showSection((Div) box));
    }

    private void showSection(Div box) {
        box.removeAll();
        sectionLinks.forEach((k, link) -> link.getElement().setAttribute("aria-current", k == current ? "true" : "false"));
        H3 heading = new H3(getTranslation(current.headingKey()));
        heading.setId("section-heading");
        Paragraph help = new Paragraph(getTranslation(current.helpKey()));
        help.addClassName("letter-section-help");
        lastPeers = "";
        lastWhoIsWhere = "";
        editor = new SectionEditor(letters, json, projectId, current, (anchor, head, version) -> {
            if (presence != null) {
                presence.moveTo(current, anchor, head, version);
            }
        });
        box.add(heading, help, editor, new SectionTools(projectId, current, editor, previewOn, on -> previewOn = on));
        // Suggestions come from the same people as private notes: the assigned coaches and admins.
        commentsPanel = new CommentsPanel(comments, letters, json, viewer, projectId, current, editor,
                rights.canSeePrivateNotes(), this::showCommentCounts);
        commentsBox.removeAll();
        commentsBox.add(commentsPanel);
        if (presence != null) {
            presence.moveTo(current, 0, 0);
            showPeople(people);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        presence = letters.enter(projectId,
                list -> ui.access(() -> showPeople(list)),
                () -> ui.access(() -> {
                    main.removeAll();
                    Paragraph revoked = new Paragraph(getTranslation("workspace.revoked"));
                    revoked.setId("letter-revoked");
                    main.add(revoked);
                    nav.removeAll();
                    commentsBox.removeAll();
                    commentsPanel = null;
                }));
        presence.moveTo(current, 0, 0);
        // Threads added, answered or closed elsewhere show here at once.
        stopListening = commentBus.listen(projectId, changed -> ui.access(() -> {
            if (commentsPanel != null && changed.key() == current) {
                commentsPanel.refresh();
            }
            if (commentsPanel != null) {
                showCommentCounts();
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
        if (presence != null) {
            presence.leave();
            presence = null;
        }
    }

    private void showPeople(List<Presence> list) {
        people = list;
        // Who is where changes rarely; carets move with every keystroke: the chips are rebuilt only for the former
        // (rebuilding them on each caret move sent every page a DOM update per keystroke of anyone).
        String whoIsWhere = list.stream().map(p -> p.sessionId() + "|" + p.name() + "|" + p.colour() + "|" + p.section())
                .collect(java.util.stream.Collectors.joining("\n"));
        if (!whoIsWhere.equals(lastWhoIsWhere)) {
            lastWhoIsWhere = whoIsWhere;
            showChips(list);
        }
        showPeerCarets(list);
    }

    private void showChips(List<Presence> list) {
        presenceBar.removeAll();
        presenceBar.add(new Span(getTranslation("workspace.present") + " : "));
        sectionPeople.values().forEach(Div::removeAll);
        for (Presence p : list) {
            Span chip = new Span(p.name());
            chip.addClassName("presence-chip");
            chip.getStyle().set("border-color", p.colour()).set("color", p.colour());
            presenceBar.add(chip);
            SectionKey.parse(p.section() == null ? "" : p.section()).map(sectionPeople::get).ifPresent(where -> {
                Span dot = new Span(initials(p.name()));
                dot.addClassName("presence-dot");
                dot.getStyle().set("background", p.colour());
                dot.getElement().setAttribute("title", p.name());
                where.add(dot);
            });
        }
    }

    private void showPeerCarets(List<Presence> list) {
        String me = presence == null ? "" : presence.sessionId();
        if (editor != null) {
            List<Map<String, Object>> peers = list.stream()
                    .filter(p -> !p.sessionId().equals(me) && current.key().equals(p.section()))
                    .map(p -> Map.<String, Object>of("name", p.name(), "colour", p.colour(), "anchor", p.anchor(), "head", p.head(),
                            "version", p.version()))
                    .toList();
            String peersJson = json.writeValueAsString(peers);
            if (!peersJson.equals(lastPeers)) { // only what changed crosses the wire
                lastPeers = peersJson;
                editor.setPeers(peersJson);
            }
        }
    }

    /** The number of open threads beside each section's name. */
    private void showCommentCounts() {
        Map<SectionKey, Integer> counts;
        try {
            counts = comments.openCountsFor(viewer, projectId);
        } catch (fr.atelier51.base.service.BusinessException e) {
            counts = Map.of(); // access lost: the revocation clears the page
        }
        for (Map.Entry<SectionKey, Span> e : sectionComments.entrySet()) {
            int n = counts.getOrDefault(e.getKey(), 0);
            e.getValue().setText(n == 0 ? "" : String.valueOf(n));
            e.getValue().getElement().setAttribute("title", getTranslation("workspace.comment.count", n));
            e.getValue().getElement().setAttribute("aria-label", getTranslation("workspace.comment.count", n));
        }
    }

    private static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty() && sb.length() < 2) {
                sb.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return sb.toString();
    }
}
