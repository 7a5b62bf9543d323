package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.CommentKind;
import fr.atelier51.workspace.domain.CommentStatus;
import fr.atelier51.workspace.domain.SectionKey;

import java.time.Instant;
import java.util.List;

/**
 * A thread as one viewer sees it: the passage (where it is now in the section, or orphaned), the first message,
 * the replies, and what this viewer may do with it.
 */
public record CommentThread(long id, SectionKey key, CommentKind kind, CommentStatus status, String authorName,
                            Instant createdAt, String body, String quote, String proposal, int from, int to,
                            boolean orphaned, String closedByName, Instant closedAt, List<Reply> replies,
                            Rights rights) {

    public record Reply(String authorName, Instant createdAt, String body) {
    }

    /** What the viewer may do: reply and resolve/reopen; accept or reject (holders); withdraw (its author). */
    public record Rights(boolean reply, boolean resolve, boolean decide, boolean withdraw) {
    }

    public boolean isSuggestion() {
        return kind == CommentKind.SUGGESTION;
    }
}
