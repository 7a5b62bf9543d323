package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.ui.LiveUpdates;
import fr.atelier51.workspace.domain.NamedVersion;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.NamedVersionService;
import fr.atelier51.workspace.service.SectionState;
import fr.atelier51.workspace.service.TextDiff;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The letter's named versions: name the current state, read a named version, compare it with now. The list is live:
 * a version named elsewhere (another page, the API, a review request or a filing) appears over push, marked
 * « nouvelle »; only the list is redrawn, so the text or comparison shown and a half-typed name stay as they were.
 */
class NamedVersionsPanel extends VerticalLayout {

    private final NamedVersionService named;
    private final long projectId;
    private final boolean canWork;
    private final Div list = new Div();
    private final Div output = new Div();
    private final TextField name = new TextField();
    private final Runnable namedChanged;
    /** The ids listed now, newest first (null before the first listing): a notice changing nothing redraws nothing. */
    private List<Long> shown;
    /** Ids listed when the page opened or the reader named one: the others came in live and are marked new. */
    private final Set<Long> seen = new HashSet<>();

    /**
     * @param namedChanged run after the list took in a new named version, the reader's own or one made elsewhere
     *                     (the page's other parts may show named versions too)
     */
    NamedVersionsPanel(NamedVersionService named, long projectId, boolean canWork, Runnable namedChanged) {
        this.named = named;
        this.projectId = projectId;
        this.canWork = canWork;
        this.namedChanged = namedChanged;
        setId("named-versions");
        addClassName("history-named");
        setPadding(false);
        add(new H3(getTranslation("history.named.title")), new Paragraph(getTranslation("history.named.help")));
        if (canWork) {
            name.setId("named-name");
            name.setLabel(getTranslation("history.named.name"));
            name.setPlaceholder(getTranslation("history.named.placeholder"));
            name.setMaxLength(NamedVersionService.NAME_MAX);
            name.setWidth("100%");
            name.setMaxWidth("22em");
            Button create = new Button(getTranslation("history.named.create"), e -> create());
            create.setId("named-create");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            HorizontalLayout form = new HorizontalLayout(name, create);
            form.setAlignItems(Alignment.BASELINE);
            form.addClassName("history-named-form");
            form.setWidthFull();
            add(form);
        }
        list.setId("named-list");
        output.setId("named-output");
        output.setWidthFull();
        add(list, output);
        refresh(false);
        LiveUpdates.whileAttached(this, this::subscribe, this::liveChange);
    }

    private Runnable subscribe(Runnable onChange) {
        try {
            return named.listen(projectId, onChange);
        } catch (BusinessException e) {
            return () -> { }; // no longer readable: nothing to follow (the page's next read says so)
        }
    }

    private void liveChange() {
        boolean changed;
        try {
            changed = refresh(true);
        } catch (BusinessException e) {
            list.removeAll(); // access was withdrawn meanwhile: show nothing more of this letter
            output.removeAll();
            Paragraph gone = new Paragraph(getTranslation("history.live.revoked"));
            gone.setId("named-revoked");
            list.add(gone);
            shown = null;
            return;
        }
        if (changed) {
            namedChanged.run();
        }
    }

    private void create() {
        try {
            NamedVersion v = named.name(projectId, name.getValue());
            name.clear();
            name.setInvalid(false);
            Notification.show(getTranslation("history.named.created", HistoryLabels.name(this, v)));
            seen.add(v.getId()); // the reader's own: not "new" to them
            refresh(true);
            namedChanged.run();
        } catch (BusinessException e) {
            name.setErrorMessage(getTranslation(e.messageKey(), e.args()));
            name.setInvalid(true);
        }
    }

    /**
     * Lists the named versions again.
     *
     * @param live false when the page opens (all listed are seen), true later (versions not seen are marked new)
     * @return whether the list changed
     */
    private boolean refresh(boolean live) {
        var entries = named.list(projectId);
        List<Long> ids = entries.stream().map(e -> e.version().getId()).toList();
        if (!live) {
            seen.addAll(ids);
        }
        if (ids.equals(shown)) {
            return false;
        }
        shown = ids;
        list.removeAll();
        if (entries.isEmpty()) {
            list.add(new Paragraph(getTranslation("history.named.none")));
        }
        for (NamedVersionService.Entry entry : entries) {
            NamedVersion v = entry.version();
            String label = HistoryLabels.name(this, v);
            Div row = new Div();
            row.setId("named-" + v.getId());
            row.addClassName("history-named-row");
            Span title = new Span(label);
            title.addClassName("history-named-name");
            Span by = new Span(" — " + getTranslation("history.named.by", entry.authorName(),
                    HistoryLabels.dateTime(this, v.getCreatedAt())));
            Button view = new Button(getTranslation("history.named.view"), e -> showText(v));
            view.setId("named-view-" + v.getId());
            view.addThemeVariants(ButtonVariant.TERTIARY);
            Button compare = new Button(getTranslation("history.named.compare"), e -> showDiff(v));
            compare.setId("named-compare-" + v.getId());
            compare.addThemeVariants(ButtonVariant.TERTIARY);
            row.add(title);
            if (!seen.contains(v.getId())) {
                row.addClassName("history-named-new");
                Span fresh = new Span(getTranslation("history.named.new"));
                fresh.addClassName("history-named-new-tag");
                row.add(fresh);
            }
            row.add(by, view, compare);
            list.add(row);
        }
        return true;
    }

    private void showText(NamedVersion v) {
        output.removeAll();
        output.add(new H3(getTranslation("history.named.text-title", HistoryLabels.name(this, v))));
        for (SectionState s : named.textOf(projectId, v.getId())) {
            output.add(new H4(getTranslation(s.key().headingKey())));
            Paragraph text = new Paragraph(s.text().isBlank() ? getTranslation("history.named.section-empty") : s.text());
            text.addClassName("history-text");
            output.add(text);
        }
    }

    private void showDiff(NamedVersion v) {
        output.removeAll();
        output.add(new H3(getTranslation("history.named.diff-title", HistoryLabels.name(this, v))));
        Map<SectionKey, TextDiff> diffs = named.diffWithNow(projectId, v.getId());
        if (diffs.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("history.named.no-change"));
            none.setId("named-no-change");
            output.add(none);
        }
        diffs.forEach((key, diff) -> {
            output.add(new H4(getTranslation(key.headingKey())));
            output.add(new DiffBlock(null, diff));
        });
    }
}
