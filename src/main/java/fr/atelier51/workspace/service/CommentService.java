package fr.atelier51.workspace.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.AccountRepository;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectRepository;
import fr.atelier51.project.service.ProjectAccess;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.CommentKind;
import fr.atelier51.workspace.domain.CommentStatus;
import fr.atelier51.workspace.domain.LetterComment;
import fr.atelier51.workspace.domain.LetterCommentRepository;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.domain.TextQuote;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments and coach suggestions on passages of the letter. Anyone who may read the letter (holders of the
 * project, its assigned coaches, admins) reads and writes comments; assigned coaches and admins suggest; only the
 * project's holders accept or reject a suggestion, and its author may withdraw it. A project the caller may not
 * read answers "not found". Anchors are found again in the live text each time threads are read (see
 * {@link TextAnchors}) and their new place is kept.
 *
 * <p>Callers are read from the security context, except in {@code ...For(Account, ...)} reads used by views
 * refreshed over push, where there is none (the account is then re-read, so a deactivated one is refused).
 */
@Service
public class CommentService {

    private final LetterCommentRepository comments;
    private final ProjectRepository projects;
    private final AccountRepository accounts;
    private final CurrentAccount currentAccount;
    private final LetterService letters;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final CommentAnchoring anchoring;

    public CommentService(LetterCommentRepository comments, ProjectRepository projects, AccountRepository accounts,
                          CurrentAccount currentAccount, LetterService letters, TransactionTemplate tx,
                          ApplicationEventPublisher events) {
        this.comments = comments;
        this.projects = projects;
        this.accounts = accounts;
        this.currentAccount = currentAccount;
        this.letters = letters;
        this.tx = tx;
        this.events = events;
        this.anchoring = new CommentAnchoring(letters);
    }

    // ---- reading ------------------------------------------------------------------------------------------

    public List<CommentThread> threads(long projectId, SectionKey key, boolean includeClosed) {
        return threadsFor(currentAccount.require(), projectId, key, includeClosed);
    }

    /** The section's threads, oldest first: open ones with their passage found again in the live text. */
    public List<CommentThread> threadsFor(Account viewer, long projectId, SectionKey key, boolean includeClosed) {
        return tx.execute(status -> {
            Account caller = fresh(viewer);
            Project project = readable(caller, projectId);
            LetterService.Snapshot now = letters.snapshot(projectId, key);
            Map<Long, CommentAnchoring.OldText> oldTexts = new HashMap<>();
            List<CommentThread> out = new ArrayList<>();
            for (LetterComment c : comments.findByProjectIdAndSectionKeyOrderByCreatedAtAscIdAsc(projectId, key.key())) {
                if (c.getStatus().isOpen()) {
                    anchoring.follow(c, now, oldTexts);
                } else if (!includeClosed) {
                    continue;
                }
                out.add(CommentRules.view(c, caller, project));
            }
            return out;
        });
    }

    public Map<SectionKey, Integer> openCounts(long projectId) {
        return openCountsFor(currentAccount.require(), projectId);
    }

    /** Open threads per section (sections without any are absent). */
    public Map<SectionKey, Integer> openCountsFor(Account viewer, long projectId) {
        readable(fresh(viewer), projectId);
        Map<SectionKey, Integer> out = new EnumMap<>(SectionKey.class);
        for (Object[] row : comments.countOpenBySection(projectId)) {
            SectionKey.parse((String) row[0]).ifPresent(k -> out.put(k, ((Number) row[1]).intValue()));
        }
        return out;
    }

    // ---- writing ------------------------------------------------------------------------------------------

    /** A comment on the selected passage. */
    public CommentThread comment(long projectId, SectionKey key, Selection selection, String body) {
        Account caller = currentAccount.require();
        Project project = readable(caller, projectId);
        String text = CommentRules.message(body, true);
        TextQuote anchor = CommentAnchoring.locate(selection, letters.snapshot(projectId, key));
        return saved(new LetterComment(projectId, key, CommentKind.COMMENT, caller, text, null, anchor), caller, project);
    }

    /** A coach's (or an admin's) proposed rewording of the selected passage, with an optional explanation. */
    public CommentThread suggest(long projectId, SectionKey key, Selection selection, String proposal, String note) {
        Account caller = currentAccount.require();
        Project project = readable(caller, projectId);
        if (!CommentRules.mayBeSuggestedBy(caller, project)) {
            throw new ForbiddenException("workspace.suggestion.error.only-coaches");
        }
        String wording = proposal == null ? "" : proposal;
        if (wording.length() > LetterComment.BODY_MAX) {
            throw new BusinessException("workspace.comment.error.too-long", LetterComment.BODY_MAX);
        }
        String why = CommentRules.message(note, false);
        TextQuote anchor = CommentAnchoring.locate(selection, letters.snapshot(projectId, key));
        if (wording.equals(anchor.quote())) {
            throw new BusinessException("workspace.suggestion.error.unchanged");
        }
        return saved(new LetterComment(projectId, key, CommentKind.SUGGESTION, caller, why, wording, anchor), caller, project);
    }

    public CommentThread reply(long commentId, String body) {
        Account caller = currentAccount.require();
        String text = CommentRules.message(body, true);
        return change(caller, commentId, (c, project) -> c.reply(caller, text));
    }

    /** A reply to a thread named by its project too (the API's address): another project's thread is not found. */
    public CommentThread reply(long projectId, long commentId, String body) {
        Account caller = currentAccount.require();
        String text = CommentRules.message(body, true);
        return change(caller, commentId, (c, project) -> {
            if (c.getProjectId() != projectId) {
                throw new NotFoundException("workspace.comment.error.not-found");
            }
            c.reply(caller, text);
        });
    }

    public CommentThread resolve(long commentId) {
        Account caller = currentAccount.require();
        return change(caller, commentId, (c, project) -> {
            CommentRules.requireComment(c);
            if (c.getStatus().isOpen()) {
                c.close(CommentStatus.RESOLVED, caller);
            }
        });
    }

    public CommentThread reopen(long commentId) {
        Account caller = currentAccount.require();
        return change(caller, commentId, (c, project) -> {
            CommentRules.requireComment(c);
            if (c.getStatus() == CommentStatus.RESOLVED) {
                c.reopen();
            }
        });
    }

    public CommentThread reject(long commentId) {
        Account caller = currentAccount.require();
        return change(caller, commentId, (c, project) -> {
            CommentRules.requireOpenSuggestion(c);
            CommentRules.requireHolder(caller, project);
            c.close(CommentStatus.REJECTED, caller);
        });
    }

    public CommentThread withdraw(long commentId) {
        Account caller = currentAccount.require();
        return change(caller, commentId, (c, project) -> {
            CommentRules.requireOpenSuggestion(c);
            if (!c.getAuthor().getId().equals(caller.getId())) {
                throw new ForbiddenException("workspace.suggestion.error.only-author-withdraws");
            }
            c.close(CommentStatus.WITHDRAWN, caller);
        });
    }

    /**
     * Applies a suggestion as a change of the accepting holder: the passage replaced by the proposal in the text
     * where the passage was last found, three-way merged by {@link LetterService#write} into the live text. If the
     * passage is no longer there word for word, nothing changes and the suggestion stays open.
     */
    public CommentThread accept(long commentId) {
        Account caller = currentAccount.require();
        LetterComment found = comments.findById(commentId).orElseThrow(() -> new NotFoundException("workspace.comment.error.not-found"));
        Project project = readable(caller, found.getProjectId());
        CommentRules.requireOpenSuggestion(found);
        CommentRules.requireHolder(caller, project);
        LetterService.Snapshot now = letters.snapshot(project.getId(), found.getKey());
        TextQuote anchor = TextAnchors.relocate(found.anchor(), anchoring.oldText(found.anchor(), now), now.text(), now.version(), false);
        if (anchor == null) {
            // Someone else may have just accepted it (the passage is then the new wording): say so rather than "changed".
            boolean stillOpen = comments.findById(commentId).filter(c -> c.getStatus().isOpen()).isPresent();
            throw new BusinessException(stillOpen ? "workspace.suggestion.error.conflict" : "workspace.suggestion.error.closed");
        }
        String changed = now.text().substring(0, anchor.offset()) + found.getProposal() + now.text().substring(anchor.end());
        // Outside any transaction of ours: the engine's change is committed on its own before anyone hears of it.
        letters.write(project.getId(), found.getKey(), now.version(), changed, ChangeKind.SUGGESTION);
        return change(caller, commentId, (c, p) -> {
            if (c.getStatus().isOpen()) {
                c.close(CommentStatus.ACCEPTED, caller);
            }
        });
    }

    // ---- rules --------------------------------------------------------------------------------------------

    private interface Change {
        void apply(LetterComment comment, Project project);
    }

    private CommentThread change(Account caller, long commentId, Change change) {
        return tx.execute(status -> {
            LetterComment c = comments.findById(commentId)
                    .orElseThrow(() -> new NotFoundException("workspace.comment.error.not-found"));
            Project project = readable(caller, c.getProjectId());
            change.apply(c, project);
            comments.save(c);
            events.publishEvent(new CommentsChanged(c.getProjectId(), c.getKey()));
            return CommentRules.view(c, caller, project);
        });
    }

    private CommentThread saved(LetterComment comment, Account caller, Project project) {
        return tx.execute(status -> {
            LetterComment c = comments.save(comment);
            events.publishEvent(new CommentsChanged(c.getProjectId(), c.getKey()));
            return CommentRules.view(c, caller, project);
        });
    }

    private Account fresh(Account viewer) {
        return accounts.findById(viewer.getId()).filter(Account::isActive)
                .orElseThrow(() -> new BusinessException("account.error.not-signed-in"));
    }

    private Project readable(Account caller, long projectId) {
        return projects.findById(projectId).filter(p -> ProjectAccess.canRead(caller, p))
                .orElseThrow(() -> new NotFoundException("project.error.not-found"));
    }



}
