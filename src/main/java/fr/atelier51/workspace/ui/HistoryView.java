package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.ui.ProjectRoute;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.HistoryPage;
import fr.atelier51.workspace.service.HistorySession;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.LiveSection;
import fr.atelier51.workspace.service.NamedVersionService;
import fr.atelier51.workspace.service.SectionHistoryService;
import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.shared.Registration;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The history of the letter: for one section, its versions grouped into editing sessions (who, when, how, how much),
 * any two compared, any one restored; and the letter's named versions. Anyone who may read the letter reads it;
 * restoring and naming need the right to edit. The list is live: changes made while it is open appear (pushed, at
 * most twice a second), marked as new, and the rows the reader ticked and the comparison shown stay as they were.
 */
@Route("projects/:id/letter/history")
@PermitAll
public class HistoryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SectionHistoryService history;
    private final NamedVersionService named;
    private final ProjectService projects;
    private final LetterService letters;
    private long projectId;
    private SectionKey key = SectionKey.INTITULE;
    private boolean canWork;
    private String title = "Atelier 51";
    private final Div sessions = new Div();
    private HistoryComparison comparison;
    private final Map<Checkbox, HistorySession> picks = new LinkedHashMap<>();
    private Button more;
    private Registration moreClick;
    private long currentVersion;
    private final Span liveStatus = new Span();
    private LiveTextWatch watch;
    /** Rows for versions after this one are marked new (after a live update). */
    private long newAfter = Long.MAX_VALUE;
    /** Set while ticks are put back after a live update: they must not recompute the comparison. */
    private boolean reticking;

    public HistoryView(SectionHistoryService history, NamedVersionService named, ProjectService projects,
                       LetterService letters) {
        this.history = history;
        this.letters = letters;
        this.named = named;
        this.projects = projects;
        addClassName("history-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OptionalLong routeId = ProjectRoute.id(event);
        if (routeId.isEmpty()) {
            return;
        }
        projectId = routeId.getAsLong();
        Project project = projects.get(projectId); // not readable: the service's NotFoundException answers
        canWork = projects.permissions(projectId).canWork();
        key = event.getLocation().getQueryParameters().getSingleParameter("section")
                .flatMap(SectionKey::parse).orElse(SectionKey.INTITULE);
        title = getTranslation("history.page-title", project.getTitle());
        render(project);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void render(Project project) {
        removeAll();
        Anchor back = new Anchor("projects/" + projectId + "/letter?section=" + key.key(), getTranslation("history.back"));
        back.setId("history-back");
        H2 heading = new H2(getTranslation("history.title") + " — " + project.getTitle());
        add(back, heading);
        if (project.getFiledOn() != null) {
            Paragraph filed = new Paragraph(getTranslation("workspace.filed.banner", HistoryLabels.date(this, project.getFiledOn())));
            filed.setId("history-filed");
            filed.addClassName("letter-filed-banner");
            add(filed);
        }
        Select<SectionKey> section = new Select<>();
        section.setId("history-section");
        section.setLabel(getTranslation("history.section"));
        section.setItems(SectionKey.values());
        section.setItemLabelGenerator(k -> (k.ordinal() + 1) + ". " + getTranslation(k.headingKey()));
        section.setValue(key);
        section.setWidth("28em");
        section.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI.getCurrent().navigate("projects/" + projectId + "/letter/history", QueryParameters.of("section", e.getValue().key()));
            }
        });
        add(section);

        VerticalLayout left = new VerticalLayout();
        left.setPadding(false);
        left.addClassName("history-sessions-column");
        left.add(new H3(getTranslation("history.sessions")), new Paragraph(getTranslation("history.sessions.help")));
        liveStatus.setId("history-live");
        liveStatus.addClassName("history-live");
        liveStatus.getElement().setAttribute("role", "status"); // read out by screen readers when it changes
        liveStatus.setText(getTranslation("history.live.on"));
        left.add(liveStatus);
        sessions.setId("history-sessions");
        sessions.getElement().setAttribute("role", "list");
        left.add(sessions);
        more = new Button(getTranslation("history.more"));
        more.setId("history-more");
        left.add(more);
        comparison = new HistoryComparison(history, projectId, key);
        left.add(comparison);
        newAfter = Long.MAX_VALUE;
        loadPage(Long.MAX_VALUE, true);

        HorizontalLayout columns = new HorizontalLayout(left, new NamedVersionsPanel(named, projectId, canWork,
                () -> reloadNewest(false)));
        columns.setWidthFull();
        columns.addClassName("history-columns");
        add(columns);
        follow();
    }

    // ---- live: the section's changes while the page is open ---------------------------------------------

    @Override
    protected void onAttach(AttachEvent event) {
        if (watch == null && projectId > 0) {
            follow();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopFollowing();
    }

    /** Follows the shown section (again, when another section is chosen). */
    private void follow() {
        stopFollowing();
        UI ui = getUI().orElse(null);
        if (ui == null) {
            return; // not attached yet: onAttach starts it
        }
        try {
            watch = LiveTextWatch.open(ui, letters, projectId, key, () -> reloadNewest(true), this::revoked);
        } catch (BusinessException e) {
            liveStatus.setText(""); // no access any more: the next read says so
        }
    }

    private void stopFollowing() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /**
     * The newest sessions again, with the reader's ticks and comparison kept: after the text changed elsewhere, or
     * after a version was named (it ends a session and shows as a tag on it).
     */
    private void reloadNewest(boolean textChanged) {
        long before = currentVersion;
        HistoryPage page;
        try {
            page = history.sessions(projectId, key, Long.MAX_VALUE, Math.max(SectionHistoryService.PAGE, picks.size()));
        } catch (BusinessException e) {
            revoked();
            return;
        }
        boolean newText = page.currentVersion() != before;
        if (textChanged && !newText) {
            return;
        }
        Set<Long> ticked = picks.entrySet().stream().filter(e -> e.getKey().getValue())
                .map(e -> e.getValue().toVersion()).collect(Collectors.toSet());
        if (newText) {
            newAfter = before;
        }
        show(page, true);
        reticking = true;
        try {
            picks.forEach((pick, s) -> pick.setValue(ticked.contains(s.toVersion())));
        } finally {
            reticking = false;
        }
        if (newText) {
            liveStatus.setText(getTranslation("history.live.new", page.currentVersion()));
        }
    }

    private void revoked() {
        stopFollowing();
        removeAll();
        Paragraph gone = new Paragraph(getTranslation("history.live.revoked"));
        gone.setId("history-revoked");
        add(gone);
    }

    private void loadPage(long before, boolean first) {
        show(history.sessions(projectId, key, before, SectionHistoryService.PAGE), first);
    }

    private void show(HistoryPage page, boolean first) {
        if (first) {
            currentVersion = page.currentVersion();
            sessions.removeAll();
            picks.clear();
            if (page.sessions().isEmpty()) {
                Paragraph empty = new Paragraph(getTranslation("history.empty"));
                empty.setId("history-empty");
                sessions.add(empty);
            }
            comparison.upTo(currentVersion);
        }
        page.sessions().forEach(s -> sessions.add(row(s)));
        more.setVisible(page.hasMore());
        if (moreClick != null) {
            moreClick.remove();
        }
        moreClick = more.addClickListener(e -> loadPage(page.nextBefore(), false));
    }

    private Div row(HistorySession s) {
        Checkbox pick = new Checkbox();
        pick.addValueChangeListener(e -> picked(pick));
        picks.put(pick, s);
        Runnable restore = canWork && s.toVersion() != currentVersion ? () -> restore(s.toVersion()) : null;
        return new HistoryRow(s, pick, s.toVersion() > newAfter, restore);
    }

    /** One row ticked: what that session changed. Two: the difference between those versions. */
    private void picked(Checkbox changed) {
        if (reticking) {
            return;
        }
        List<Checkbox> ticked = picks.keySet().stream().filter(Checkbox::getValue).toList();
        if (ticked.size() > 2) { // keep the latest two choices: untick another (which comes back here with two)
            ticked.stream().filter(c -> c != changed).findFirst().ifPresent(c -> c.setValue(false));
            return;
        }
        if (ticked.size() == 1) {
            HistorySession only = picks.get(ticked.getFirst());
            comparison.compare(only.fromVersion() - 1, only.toVersion());
        } else if (ticked.size() == 2) {
            List<Long> v = ticked.stream().map(c -> picks.get(c).toVersion()).sorted(Comparator.naturalOrder()).toList();
            comparison.compare(v.get(0), v.get(1));
        }
    }

    private void restore(long version) {
        try {
            LiveSection.Merge merged = history.restore(projectId, key, version);
            Notification.show(getTranslation("history.restored", version, merged.version()));
            comparison.clear();
            newAfter = Long.MAX_VALUE;
            loadPage(Long.MAX_VALUE, true);
        } catch (BusinessException e) {
            Notification.show(getTranslation(e.messageKey(), e.args()));
        }
    }
}
