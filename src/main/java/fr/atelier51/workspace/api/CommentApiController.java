package fr.atelier51.workspace.api;

import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.CommentService;
import fr.atelier51.workspace.service.CommentThread;
import fr.atelier51.workspace.service.Selection;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The letter's comments for scripts, under the same rules as the workspace: list a section's threads (or all
 * sections'), comment on a passage (by offsets in the current text, optionally with the quoted text), reply.
 */
@RestController
@RequestMapping("/api/projects/{id}/letter/comments")
public class CommentApiController {

    private final CommentService comments;

    public CommentApiController(CommentService comments) {
        this.comments = comments;
    }

    public record ReplyJson(String author, Instant createdAt, String body) {
    }

    public record ThreadJson(long id, String section, String kind, String status, String author, Instant createdAt,
                             String body, String quote, String proposal, int from, int to, boolean orphaned,
                             List<ReplyJson> replies) {
        static ThreadJson of(CommentThread t) {
            return new ThreadJson(t.id(), t.key().key(), t.kind().name(), t.status().name(), t.authorName(), t.createdAt(),
                    t.body(), t.quote(), t.proposal(), t.from(), t.to(), t.orphaned(),
                    t.replies().stream().map(r -> new ReplyJson(r.authorName(), r.createdAt(), r.body())).toList());
        }
    }

    public record NewComment(String section, Integer from, Integer to, String quote, String body) {
    }

    public record NewReply(String body) {
    }

    /** Open threads of one section ({@code section}) or of every section; {@code all=true} adds closed ones. */
    @GetMapping
    public List<ThreadJson> list(@PathVariable long id, @RequestParam(required = false) String section,
                                 @RequestParam(defaultValue = "false") boolean all) {
        List<SectionKey> keys = section == null ? List.of(SectionKey.values()) : List.of(key(section));
        List<ThreadJson> out = new ArrayList<>();
        for (SectionKey k : keys) {
            comments.threads(id, k, all).forEach(t -> out.add(ThreadJson.of(t)));
        }
        return out;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ThreadJson comment(@PathVariable long id, @RequestBody NewComment request) {
        comments.openCounts(id); // a project the caller may not see: 404 before anything else
        Selection selection = new Selection(request.from() == null ? -1 : request.from(),
                request.to() == null ? -1 : request.to(), request.quote());
        return ThreadJson.of(comments.comment(id, key(request.section()), selection, request.body()));
    }

    @PostMapping("/{commentId}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    public ThreadJson reply(@PathVariable long id, @PathVariable long commentId, @RequestBody NewReply request) {
        return ThreadJson.of(comments.reply(id, commentId, request.body()));
    }

    private static SectionKey key(String section) {
        return SectionKey.parse(section == null ? "" : section)
                .orElseThrow(() -> new NotFoundException("workspace.error.section-not-found"));
    }
}
