package fr.atelier51.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import fr.atelier51.workspace.domain.CommentStatus;
import fr.atelier51.workspace.service.CommentService;
import fr.atelier51.workspace.service.CommentThread;
import fr.atelier51.workspace.service.TextOps;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * One thread in the comments panel: the passage (or "passage supprimé"), a suggestion's old → new wording as a
 * diff, the messages with author and time, and the actions the viewer may take.
 */
class ThreadCard extends Div {

    /** Runs a button's action on the thread (the panel shows refusals and refreshes). */
    interface Actions {
        void reply(long id, TextArea text);

        void run(LongFunction<CommentThread> action, long id);
    }

    private TextArea reply;

    ThreadCard(CommentThread t, CommentService comments, Actions actions) {
        setId("thread-" + t.id());
        addClassNames("comment-thread", t.isSuggestion() ? "thread-suggestion" : "thread-comment");
        if (!t.status().isOpen()) {
            addClassName("thread-closed");
        }
        getElement().setAttribute("data-status", t.status().name());
        Span kind = new Span(getTranslation(t.isSuggestion() ? "workspace.comment.kind.suggestion" : "workspace.comment.kind.comment"));
        kind.addClassName("thread-kind");
        add(kind);
        if (t.orphaned()) {
            Span gone = new Span(getTranslation(t.isSuggestion() ? "workspace.suggestion.orphaned" : "workspace.comment.orphaned"));
            gone.addClassName("thread-orphaned");
            add(gone);
        }
        if (t.isSuggestion()) {
            add(diff(t.quote(), t.proposal() == null ? "" : t.proposal()));
        } else {
            Paragraph quote = new Paragraph("« " + t.quote() + " »");
            quote.addClassName("thread-quote");
            add(quote);
        }
        add(message(t.authorName(), t.createdAt(), t.body()));
        t.replies().forEach(r -> add(message(r.authorName(), r.createdAt(), r.body())));
        if (!t.status().isOpen()) {
            Paragraph closed = new Paragraph(getTranslation("workspace.comment.status." + t.status().name(),
                    t.closedByName() == null ? "" : t.closedByName(), t.closedAt() == null ? "" : format(t.closedAt())));
            closed.addClassName("thread-status");
            add(closed);
        }
        add(actions(t, comments, actions));
    }

    private Component actions(CommentThread t, CommentService s, Actions actions) {
        Div box = new Div();
        box.addClassName("thread-actions");
        if (t.rights().reply()) {
            reply = new TextArea();
            reply.setId("reply-" + t.id());
            reply.setValueChangeMode(ValueChangeMode.LAZY); // the draft reaches the server, so a redraw keeps it
            reply.setPlaceholder(getTranslation("workspace.comment.reply-placeholder"));
            reply.setWidthFull();
            Button send = new Button(getTranslation("workspace.comment.reply"), e -> actions.reply(t.id(), reply));
            send.setId("reply-send-" + t.id());
            send.addThemeVariants(ButtonVariant.LUMO_SMALL);
            box.add(reply, send);
        }
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(true);
        if (t.rights().decide()) {
            buttons.add(button("accept", t, ButtonVariant.LUMO_SUCCESS, s::accept, actions));
            buttons.add(button("reject", t, ButtonVariant.LUMO_ERROR, s::reject, actions));
        }
        if (t.rights().withdraw()) {
            buttons.add(button("withdraw", t, ButtonVariant.LUMO_TERTIARY, s::withdraw, actions));
        }
        if (t.rights().resolve() && t.status() == CommentStatus.OPEN) {
            buttons.add(button("resolve", t, ButtonVariant.LUMO_TERTIARY, s::resolve, actions));
        }
        if (t.rights().resolve() && t.status() == CommentStatus.RESOLVED) {
            buttons.add(button("reopen", t, ButtonVariant.LUMO_TERTIARY, s::reopen, actions));
        }
        box.add(buttons);
        return box;
    }

    /** The reply being typed (null when the viewer may not reply). */
    String replyDraft() {
        return reply == null ? null : reply.getValue();
    }

    void setReplyDraft(String draft) {
        if (reply != null && draft != null && !draft.isEmpty()) {
            reply.setValue(draft);
        }
    }

    private Button button(String what, CommentThread t, ButtonVariant variant, LongFunction<CommentThread> action, Actions actions) {
        Button b = new Button(getTranslation("workspace.comment." + what), e -> actions.run(action, t.id()));
        b.setId(what + "-" + t.id());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, variant);
        b.setDisableOnClick(true); // one click, one decision: the card is redrawn afterwards
        return b;
    }

    private Component message(String author, Instant at, String body) {
        Div m = new Div();
        m.addClassName("thread-message");
        Span who = new Span(author + " · " + format(at));
        who.addClassName("thread-meta");
        m.add(who);
        if (body != null && !body.isEmpty()) {
            Paragraph text = new Paragraph(body);
            text.addClassName("thread-body");
            text.getStyle().set("white-space", "pre-wrap");
            m.add(text);
        }
        return m;
    }

    /** Old → new as a word diff: deletions in <del>, insertions in <ins>, each with a spoken label. */
    private Component diff(String before, String after) {
        Div box = new Div();
        box.addClassName("suggestion-diff");
        box.getElement().setAttribute("aria-label", getTranslation("workspace.suggestion.diff-label"));
        Function<String, String> deleted = txt -> getTranslation("workspace.suggestion.deleted", txt);
        Function<String, String> inserted = txt -> getTranslation("workspace.suggestion.inserted", txt);
        for (Object[] d : TextOps.humanDiff(before, after)) {
            int op = (Integer) d[0];
            String text = (String) d[1];
            Element e = new Element(op < 0 ? "del" : op > 0 ? "ins" : "span").setText(text);
            if (op != 0) {
                e.setAttribute("aria-label", op < 0 ? deleted.apply(text) : inserted.apply(text));
                e.setAttribute("title", op < 0 ? deleted.apply(text) : inserted.apply(text));
            }
            box.getElement().appendChild(e);
        }
        Div proposal = new Div(new Span(getTranslation("workspace.suggestion.new-wording") + " "));
        proposal.addClassName("suggestion-proposal");
        Span wording = new Span(after.isEmpty() ? getTranslation("workspace.suggestion.delete-passage") : after);
        wording.addClassName("suggestion-text");
        proposal.add(wording);
        Div both = new Div(box, proposal);
        both.addClassName("suggestion");
        return both;
    }

    private String format(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Paris")).format(instant);
    }
}
