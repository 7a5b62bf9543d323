package fr.atelier51.assistant.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.assistant.domain.AssistantMessage;
import fr.atelier51.assistant.domain.AssistantMessageRepository;
import fr.atelier51.assistant.domain.AssistantSession;
import fr.atelier51.assistant.domain.AssistantSessionRepository;
import fr.atelier51.assistant.domain.MessageAuthor;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import fr.atelier51.project.service.ProjectPermissions;
import fr.atelier51.project.service.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The guided assistant of a project (issue 4). Access goes through {@link ProjectService}: a project the caller
 * cannot read is "not found"; only members and assigned coaches ({@code canWork}) may talk, admins read.
 * Each turn saves the holder's message, the reply and the new record together, so a holder resumes where they left.
 */
@Service
@Transactional
public class AssistantService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AssistantService.class);

    private final ProjectService projects;
    private final AssistantSessionRepository sessions;
    private final AssistantMessageRepository messages;
    private final CurrentAccount currentAccount;
    private final InterviewEngine engine;
    private final ReplyPhraser phraser;

    public AssistantService(ProjectService projects, AssistantSessionRepository sessions, AssistantMessageRepository messages,
                            CurrentAccount currentAccount, PassageRetriever retriever, ReplyPhraser phraser) {
        this.phraser = phraser;
        this.projects = projects;
        this.sessions = sessions;
        this.messages = messages;
        this.currentAccount = currentAccount;
        this.engine = new InterviewEngine(retriever);
    }

    public AssistantReply reply(long projectId, String text) {
        return reply(projectId, text, false);
    }

    /**
     * One turn. With {@code stream} and a streaming model, the engine's reply is saved and returned at once with a
     * {@link AssistantReply.PendingPhrasing}: the caller shows the record and the sources, then calls
     * {@link #streamPhrasing} (after this transaction) to show the model's words as they come.
     */
    public AssistantReply reply(long projectId, String text, boolean stream) {
        requireWork(projectId);
        Account caller = currentAccount.require();
        AssistantSession session = session(projectId);
        String kept = text == null ? "" : text.length() > InterviewEngine.MAX_MESSAGE ? text.substring(0, InterviewEngine.MAX_MESSAGE) : text;
        InterviewEngine.Turn turn = engine.reply(session.getRecord(), text);
        // The model only rephrases; a refused turn (empty message, injection attempt) is never sent to it.
        boolean phrase = !turn.refused() && phraser.enabled() && !kept.isBlank();
        boolean streamed = phrase && stream && phraser.streams();
        ReplyPhraser.Request request = phrase ? new ReplyPhraser.Request(kept, turn.reply(), turn.citations(), recentTurns(projectId)) : null;
        String shown = phrase && !streamed ? Phrasing.apply(phraser, request) : turn.reply();
        AssistantReply.PendingPhrasing pending = null;
        if (!kept.isBlank()) {
            messages.save(new AssistantMessage(projectId, MessageAuthor.HOLDER, caller.getDisplayName(), kept, List.of()));
            AssistantMessage answer = messages.save(new AssistantMessage(projectId, MessageAuthor.ASSISTANT, null, shown, turn.citations()));
            session.update(turn.record());
            flush(session);
            pending = streamed ? new AssistantReply.PendingPhrasing(answer.getId(), request) : null;
        }
        return new AssistantReply(shown, turn.citations(), turn.step(), turn.record(), pending);
    }

    /**
     * Streams the model's rephrasing of a reply just saved by {@link #reply(long, String, boolean)}, outside any
     * transaction: the listener gets the text so far after each token, then the final text (the model's, or the
     * engine's with a notice when the model fails, stalls or drops a legal reference), which is saved first.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void streamPhrasing(AssistantReply.PendingPhrasing pending, StreamingPhrasing.Listener listener) {
        StreamingPhrasing.start(phraser, pending.request(), phraser.timeout(), new StreamingPhrasing.Listener() {
            @Override
            public void partial(String textSoFar) {
                listener.partial(textSoFar);
            }

            @Override
            public void done(String finalText, boolean fallback) {
                try {
                    messages.findById(pending.messageId()).ifPresent(m -> {
                        m.rephrase(finalText);
                        messages.save(m);
                    });
                } catch (RuntimeException e) {
                    log.warn("Assistant: could not save the rephrased reply {}", pending.messageId(), e);
                }
                listener.done(finalText, fallback);
            }
        });
    }

    private List<String> recentTurns(long projectId) {
        List<AssistantMessage> all = messages.findByProjectIdOrderByIdAsc(projectId);
        return all.subList(Math.max(0, all.size() - 4), all.size()).stream()
                .map(m -> (m.getAuthor() == MessageAuthor.HOLDER ? "Porteur : " : "Assistant : ")
                        + (m.getText().length() > 300 ? m.getText().substring(0, 300) + "…" : m.getText()))
                .toList();
    }

    @Transactional(readOnly = true)
    public ProjectRecord state(long projectId) {
        projects.get(projectId);
        return sessions.findByProjectId(projectId).map(AssistantSession::getRecord).orElseGet(AssistantService::fresh);
    }

    /** When the conversation last moved (a portfolio's "last activity"), if it ever did. */
    @Transactional(readOnly = true)
    public java.util.Optional<java.time.Instant> lastTurnAt(long projectId) {
        projects.get(projectId);
        return sessions.findByProjectId(projectId).map(AssistantSession::getUpdatedAt);
    }

    /** The conversation, oldest first; starts with the greeting. */
    @Transactional(readOnly = true)
    public List<AssistantMessage> conversation(long projectId) {
        projects.get(projectId);
        List<AssistantMessage> list = messages.findByProjectIdOrderByIdAsc(projectId);
        return list.isEmpty() ? List.of(greeting(projectId)) : list;
    }

    public ProjectRecord confirmDerogation(long projectId, String code, String justification) {
        requireWork(projectId);
        AssistantSession session = session(projectId);
        session.update(engine.confirm(session.getRecord(), code, justification));
        flush(session);
        return session.getRecord();
    }

    public ProjectRecord rejectDerogation(long projectId, String code) {
        requireWork(projectId);
        AssistantSession session = session(projectId);
        session.update(engine.reject(session.getRecord(), code));
        flush(session);
        return session.getRecord();
    }

    /** A correction by hand of the record (fields left null are kept). */
    public ProjectRecord correct(long projectId, InterviewEngine.Correction correction) {
        requireWork(projectId);
        AssistantSession session = session(projectId);
        session.update(engine.correct(session.getRecord(), correction));
        flush(session);
        return session.getRecord();
    }

    /** What the caller may do here (members and assigned coaches talk; admins read). */
    @Transactional(readOnly = true)
    public boolean canTalk(long projectId) {
        return projects.permissions(projectId).canWork();
    }

    private void requireWork(long projectId) {
        ProjectPermissions rights = projects.permissions(projectId);
        if (!rights.canWork()) {
            throw new ForbiddenException("assistant.error.read-only");
        }
    }

    /** Two tabs answering at once: the second is told to reload instead of silently overwriting the first. */
    private void flush(AssistantSession session) {
        try {
            sessions.saveAndFlush(session);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new BusinessException("assistant.error.concurrent-change");
        }
    }

    private AssistantSession session(long projectId) {
        return sessions.findByProjectId(projectId).orElseGet(() -> {
            messages.save(greeting(projectId));
            AssistantSession created = new AssistantSession(projectId);
            created.update(fresh());
            return sessions.save(created);
        });
    }

    private static AssistantMessage greeting(long projectId) {
        return new AssistantMessage(projectId, MessageAuthor.ASSISTANT, null, InterviewEngine.greeting(), List.of());
    }

    private static ProjectRecord fresh() {
        ProjectRecord r = new ProjectRecord();
        Rules.apply(r);
        return r;
    }
}
