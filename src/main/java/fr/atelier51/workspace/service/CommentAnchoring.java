package fr.atelier51.workspace.service;

import fr.atelier51.base.service.BusinessException;
import fr.atelier51.workspace.domain.CommentKind;
import fr.atelier51.workspace.domain.LetterComment;
import fr.atelier51.workspace.domain.TextQuote;

import java.util.List;
import java.util.Map;

/** Places threads in a section's live text: a new selection, and open threads after the text changed. */
final class CommentAnchoring {

    private final LetterService letters;

    CommentAnchoring(LetterService letters) {
        this.letters = letters;
    }

    /** The selected passage in the server's text: the quote's occurrence nearest to where the editor had it. */
    static TextQuote locate(Selection selection, LetterService.Snapshot now) {
        String text = now.text();
        if (selection == null || selection.from() < 0 || selection.to() < selection.from()) {
            throw new BusinessException("workspace.comment.error.anchor-outside");
        }
        String quote = selection.quote();
        if (quote == null) {
            if (selection.to() > text.length()) {
                throw new BusinessException("workspace.comment.error.anchor-outside");
            }
            quote = text.substring(selection.from(), selection.to());
        }
        if (quote.isBlank()) {
            throw new BusinessException("workspace.comment.error.no-selection");
        }
        if (quote.length() > LetterComment.BODY_MAX) {
            throw new BusinessException("workspace.comment.error.passage-too-long", LetterComment.BODY_MAX);
        }
        int best = -1;
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            if (best < 0 || Math.abs(at - selection.from()) < Math.abs(best - selection.from())) {
                best = at;
            }
        }
        if (best < 0) {
            throw new BusinessException(selection.from() > text.length() ? "workspace.comment.error.anchor-outside"
                    : "workspace.comment.error.passage-changed");
        }
        return TextQuote.of(text, best, best + quote.length(), now.version());
    }

    /** A text a thread was last found in, and the change from it to the live text (shared by its threads). */
    record OldText(String text, List<Object> ops) {
    }

    /** Finds an open thread's passage in the live text and keeps its new place (or marks it orphaned). */
    void follow(LetterComment c, LetterService.Snapshot now, Map<Long, OldText> oldTexts) {
        TextQuote anchor = c.anchor();
        if (anchor.version() == now.version() && !c.isOrphaned()) {
            return;
        }
        OldText old = oldTexts.computeIfAbsent(anchor.version(), v -> {
            String text = oldText(anchor, now);
            return new OldText(text, text == null ? null : TextAnchors.changes(text, now.text()));
        });
        TextQuote found = TextAnchors.relocate(anchor, old.text(), old.ops(), now.text(), now.version(),
                c.getKind() == CommentKind.COMMENT);
        if (found == null) {
            if (!c.isOrphaned()) {
                c.orphan();
            }
        } else if (!found.equals(anchor) || c.isOrphaned()) {
            c.moveTo(found);
        }
    }

    /** The text the anchor was last found in, when it can be rebuilt (version 0 of a pre-filled section cannot). */
    String oldText(TextQuote anchor, LetterService.Snapshot now) {
        if (anchor.version() == now.version()) {
            return now.text();
        }
        if (anchor.version() <= 0 || anchor.version() > now.version()) {
            return null;
        }
        return letters.textAt(now.sectionId(), anchor.version());
    }
}
