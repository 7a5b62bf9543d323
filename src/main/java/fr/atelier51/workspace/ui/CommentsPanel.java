package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import fr.atelier51.account.domain.Account;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.CommentService;
import fr.atelier51.workspace.service.CommentThread;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.Selection;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The comments of the open section, beside the editor: a form to comment (or, for coaches and admins, to suggest a
 * rewording of) the passage selected in the editor, and the threads — open ones, and resolved/closed ones on demand.
 * Reads go through {@link CommentService#threadsFor} with the viewer captured on opening, since a refresh may come
 * over push, outside any request. While attached, it follows the section's text (see {@link LiveTextWatch}): a
 * passage deleted elsewhere shows « passage supprimé » at once, and its thread comes back when the text does.
 */
class CommentsPanel extends VerticalLayout {

    private final CommentService comments;
    private final LetterService letters;
    private final JsonMapper json;
    private final Account viewer;
    private final long projectId;
    private final SectionKey key;
    private final SectionEditor editor;
    private final Runnable countsChanged;
    private final Div threads = new Div();
    private final Checkbox showClosed = new Checkbox();
    private final Paragraph passage = new Paragraph();
    private final TextArea body = new TextArea();
    private final TextArea proposal = new TextArea();
    private final H3 heading = new H3();
    private String lastQuote = "";
    private String lastAnchors = "";
    /** The cards shown, by thread id, with what each shows (to redraw only the threads that changed). */
    private final Map<Long, Shown> shown = new LinkedHashMap<>();
    private LiveTextWatch watch;

    private record Shown(CommentThread thread, ThreadCard card) {
    }

    CommentsPanel(CommentService comments, LetterService letters, JsonMapper json, Account viewer, long projectId, SectionKey key,
                  SectionEditor editor, boolean canSuggest, Runnable countsChanged) {
        this.comments = comments;
        this.letters = letters;
        this.json = json;
        this.viewer = viewer;
        this.projectId = projectId;
        this.key = key;
        this.editor = editor;
        this.countsChanged = countsChanged;
        setId("comments-panel");
        addClassName("comments-panel");
        setPadding(false);
        heading.setId("comments-heading");
        showClosed.setId("comments-show-closed");
        showClosed.setLabel(getTranslation("workspace.comment.show-closed"));
        showClosed.addValueChangeListener(e -> refresh());
        passage.setId("comment-passage");
        passage.addClassName("comment-passage");
        body.setId("comment-body");
        body.setLabel(getTranslation("workspace.comment.body"));
        body.setWidthFull();
        Button add = new Button(getTranslation("workspace.comment.add"), e -> create(false));
        add.setId("comment-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Div form = new Div(passage, body, add);
        form.setId("comment-form");
        form.addClassName("comment-form");
        if (canSuggest) {
            proposal.setId("suggestion-text");
            proposal.setLabel(getTranslation("workspace.suggestion.proposal"));
            proposal.setWidthFull();
            Button suggest = new Button(getTranslation("workspace.suggestion.add"), e -> create(true));
            suggest.setId("suggestion-add");
            suggest.addThemeVariants(ButtonVariant.LUMO_SMALL);
            form.add(proposal, suggest);
        }
        threads.setId("comment-threads");
        add(heading, form, showClosed, threads);
        editor.onSelection(this::selected);
        editor.onThreadClicked(this::focus);
        selected(null);
        refresh();
    }

    /** The editor's selection changed: show it, and offer it as the start of a rewording. */
    private void selected(Selection selection) {
        passage.setText(selection == null ? getTranslation("workspace.comment.select-first")
                : getTranslation("workspace.comment.passage", shorten(selection.quote())));
        if (selection != null && (proposal.getValue().isEmpty() || proposal.getValue().equals(lastQuote))) {
            proposal.setValue(selection.quote());
        }
        lastQuote = selection == null ? lastQuote : selection.quote();
    }

    private void create(boolean suggestion) {
        Selection selection = editor.selection();
        try {
            if (selection == null) {
                throw new BusinessException("workspace.comment.error.no-selection");
            }
            if (suggestion) {
                comments.suggest(projectId, key, selection, proposal.getValue(), body.getValue());
                proposal.clear();
            } else {
                comments.comment(projectId, key, selection, body.getValue());
            }
            body.clear();
            body.setInvalid(false);
            refresh();
            countsChanged.run();
        } catch (BusinessException e) {
            // what was typed stays in the fields
            body.setInvalid(true);
            body.setErrorMessage(getTranslation(e.messageKey(), e.args()));
        }
    }

    /** Reads the threads again (after a change here, or one pushed from elsewhere). */
    void refresh() {
        List<CommentThread> list;
        try {
            list = comments.threadsFor(viewer, projectId, key, showClosed.getValue());
        } catch (BusinessException e) {
            threads.removeAll(); // access lost: show nothing more
            shown.clear();
            editor.setAnchors("[]");
            return;
        }
        long open = list.stream().filter(t -> t.status().isOpen()).count();
        heading.setText(getTranslation("workspace.comment.heading", open));
        show(list);
        List<Map<String, Object>> anchors = list.stream().filter(t -> t.status().isOpen() && !t.orphaned())
                .map(t -> Map.<String, Object>of("id", t.id(), "from", t.from(), "to", t.to(), "kind", t.kind().name(), "quote", t.quote()))
                .toList();
        String anchorsJson = json.writeValueAsString(anchors);
        if (!anchorsJson.equals(lastAnchors)) {
            lastAnchors = anchorsJson;
            editor.setAnchors(anchorsJson);
        }
    }

    /**
     * Shows the threads. When the same threads are there in the same order (the text changed, say), only the cards
     * whose content changed are redrawn, so a reply being typed in another card is left alone; a redrawn card keeps
     * its reply draft.
     */
    private void show(List<CommentThread> list) {
        List<Long> ids = list.stream().map(CommentThread::id).toList();
        if (!list.isEmpty() && ids.equals(new ArrayList<>(shown.keySet()))) {
            for (CommentThread t : list) {
                Shown before = shown.get(t.id());
                if (!looksSame(before.thread(), t)) {
                    ThreadCard card = card(t);
                    card.setReplyDraft(before.card().replyDraft());
                    threads.replace(before.card(), card);
                    shown.put(t.id(), new Shown(t, card));
                } else {
                    shown.put(t.id(), new Shown(t, before.card()));
                }
            }
            return;
        }
        if (list.isEmpty() && shown.isEmpty() && threads.getChildren()
                .anyMatch(c -> c.getId().filter("comments-none"::equals).isPresent())) {
            return; // still none: nothing to redraw (a live refresh comes every 500 ms while people type)
        }
        Map<Long, String> drafts = new LinkedHashMap<>();
        shown.forEach((id, s) -> drafts.put(id, s.card().replyDraft()));
        threads.removeAll();
        shown.clear();
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("workspace.comment.none"));
            none.setId("comments-none");
            threads.add(none);
        }
        for (CommentThread t : list) {
            ThreadCard card = card(t);
            card.setReplyDraft(drafts.get(t.id()));
            threads.add(card);
            shown.put(t.id(), new Shown(t, card));
        }
    }

    /** Whether a card would show the same: where the passage now sits in the text is not shown on the card. */
    private static boolean looksSame(CommentThread a, CommentThread b) {
        return a.equals(new CommentThread(b.id(), b.key(), b.kind(), b.status(), b.authorName(), b.createdAt(), b.body(),
                b.quote(), b.proposal(), a.from(), a.to(), b.orphaned(), b.closedByName(), b.closedAt(), b.replies(),
                b.rights()));
    }

    private ThreadCard card(CommentThread t) {
        return new ThreadCard(t, comments, new ThreadCard.Actions() {
            @Override
            public void reply(long id, TextArea text) {
                try {
                    comments.reply(id, text.getValue());
                    text.clear();
                    refresh();
                } catch (BusinessException e) {
                    text.setInvalid(true);
                    text.setErrorMessage(getTranslation(e.messageKey(), e.args()));
                }
            }

            @Override
            public void run(LongFunction<CommentThread> action, long id) {
                try {
                    action.apply(id);
                } catch (BusinessException e) {
                    Notification n = Notification.show(getTranslation(e.messageKey(), e.args()), 6000, Notification.Position.MIDDLE);
                    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
                refresh();
                countsChanged.run();
            }
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        try {
            watch = LiveTextWatch.open(event.getUI(), letters, projectId, key, this::textChanged, () -> { });
        } catch (BusinessException e) {
            watch = null; // access lost meanwhile: the workspace says so
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /** The section's text changed: only the threads shown have passages to find again (new ones come by the bus). */
    private void textChanged() {
        if (!shown.isEmpty()) {
            refresh();
        }
    }

    /** A highlighted passage was clicked in the editor: bring its thread forward. */
    void focus(long threadId) {
        threads.getChildren().forEach(c -> c.getElement().getClassList().remove("thread-focused"));
        threads.getChildren().filter(c -> ("thread-" + threadId).equals(c.getId().orElse(null))).findFirst().ifPresent(c -> {
            c.getElement().getClassList().add("thread-focused");
            c.getElement().executeJs("this.scrollIntoView({block: 'nearest', behavior: 'smooth'})");
        });
    }

    private static String shorten(String quote) {
        String oneLine = quote.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "…";
    }
}
