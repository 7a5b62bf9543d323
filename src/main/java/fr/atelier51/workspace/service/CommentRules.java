package fr.atelier51.workspace.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.workspace.domain.CommentKind;
import fr.atelier51.workspace.domain.LetterComment;
import fr.atelier51.workspace.domain.TextQuote;

/** Who may do what with a thread, what a message may hold, and a thread as one viewer sees it. */
final class CommentRules {

    private CommentRules() {
    }

    static boolean mayBeSuggestedBy(Account caller, Project project) {
        return caller.getRole() == Role.ADMIN || (caller.getRole() == Role.COACH && project.isAssignedCoach(caller));
    }

    static boolean isHolder(Account caller, Project project) {
        return caller.getRole() == Role.HOLDER && project.isHolder(caller);
    }

    static void requireHolder(Account caller, Project project) {
        if (!isHolder(caller, project)) {
            throw new ForbiddenException("workspace.suggestion.error.only-holders");
        }
    }

    static void requireComment(LetterComment c) {
        if (c.getKind() != CommentKind.COMMENT) {
            throw new BusinessException("workspace.comment.error.not-a-comment");
        }
    }

    static void requireOpenSuggestion(LetterComment c) {
        if (c.getKind() != CommentKind.SUGGESTION) {
            throw new BusinessException("workspace.suggestion.error.not-a-suggestion");
        }
        if (!c.getStatus().isOpen()) {
            throw new BusinessException("workspace.suggestion.error.closed");
        }
    }

    /** A message's text: trimmed, required unless {@code required} is false, at most {@link LetterComment#BODY_MAX}. */
    static String message(String body, boolean required) {
        String text = body == null ? "" : body.strip();
        if (required && text.isEmpty()) {
            throw new BusinessException("workspace.comment.error.empty");
        }
        if (text.length() > LetterComment.BODY_MAX) {
            throw new BusinessException("workspace.comment.error.too-long", LetterComment.BODY_MAX);
        }
        return text;
    }

    static CommentThread view(LetterComment c, Account viewer, Project project) {
        TextQuote a = c.anchor();
        boolean open = c.getStatus().isOpen();
        boolean suggestion = c.getKind() == CommentKind.SUGGESTION;
        CommentThread.Rights rights = new CommentThread.Rights(true, !suggestion,
                suggestion && open && isHolder(viewer, project),
                suggestion && open && c.getAuthor().getId().equals(viewer.getId()));
        return new CommentThread(c.getId(), c.getKey(), c.getKind(), c.getStatus(), c.getAuthor().getDisplayName(),
                c.getCreatedAt(), c.getBody(), a.quote(), c.getProposal(), a.offset(), a.end(), c.isOrphaned(),
                c.getClosedBy() == null ? null : c.getClosedBy().getDisplayName(), c.getClosedAt(),
                c.getReplies().stream().map(r -> new CommentThread.Reply(r.getAuthor().getDisplayName(), r.getCreatedAt(),
                        r.getBody())).toList(), rights);
    }
}
