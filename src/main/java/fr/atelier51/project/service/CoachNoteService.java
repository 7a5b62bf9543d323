package fr.atelier51.project.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.CoachNote;
import fr.atelier51.project.domain.CoachNoteRepository;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Coaches' private notes on a project. Only the project's assigned coaches and admins may know they exist: for
 * anyone else (its holders included) the notes answer "not found", like a project they may not see. Everyone
 * allowed reads all the project's notes; each person edits and deletes only their own.
 */
@Service
@Transactional
public class CoachNoteService {

    private final CoachNoteRepository notes;
    private final ProjectRepository projects;
    private final CurrentAccount currentAccount;

    public CoachNoteService(CoachNoteRepository notes, ProjectRepository projects, CurrentAccount currentAccount) {
        this.notes = notes;
        this.projects = projects;
        this.currentAccount = currentAccount;
    }

    /** A note as its reader sees it: whether they may change it. */
    public record NoteView(long id, String authorName, String body, java.time.Instant createdAt,
                           java.time.Instant updatedAt, boolean mine) {
        public boolean edited() {
            return updatedAt.isAfter(createdAt);
        }
    }

    /** Whether the caller may see the project's private notes (for links; no exception). */
    @Transactional(readOnly = true)
    public boolean canSee(long projectId) {
        Account caller = currentAccount.require();
        return projects.findById(projectId).filter(p -> ProjectAccess.canSeePrivateNotes(caller, p)).isPresent();
    }

    /** The project (for the page title) when the caller may see its notes. */
    @Transactional(readOnly = true)
    public Project project(long projectId) {
        return visible(currentAccount.require(), projectId);
    }

    @Transactional(readOnly = true)
    public List<NoteView> list(long projectId) {
        Account caller = currentAccount.require();
        visible(caller, projectId);
        return notes.findByProjectIdOrderByCreatedAtDescIdDesc(projectId).stream().map(n -> view(n, caller)).toList();
    }

    public NoteView add(long projectId, String body) {
        Account caller = currentAccount.require();
        visible(caller, projectId);
        return view(notes.save(new CoachNote(projectId, caller, text(body))), caller);
    }

    public NoteView edit(long noteId, String body) {
        Account caller = currentAccount.require();
        CoachNote note = own(caller, noteId);
        note.edit(text(body));
        return view(note, caller);
    }

    public void delete(long noteId) {
        notes.delete(own(currentAccount.require(), noteId));
    }

    private CoachNote own(Account caller, long noteId) {
        CoachNote note = notes.findById(noteId).orElseThrow(() -> new NotFoundException("project.notes.error.not-found"));
        visible(caller, note.getProjectId());
        if (!note.getAuthor().getId().equals(caller.getId())) {
            throw new ForbiddenException("project.notes.error.not-author");
        }
        return note;
    }

    private Project visible(Account caller, long projectId) {
        return projects.findById(projectId).filter(p -> ProjectAccess.canSeePrivateNotes(caller, p))
                .orElseThrow(() -> new NotFoundException("project.notes.error.not-found"));
    }

    private static String text(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new BusinessException("project.notes.error.empty");
        }
        if (text.length() > CoachNote.BODY_MAX) {
            throw new BusinessException("project.notes.error.too-long", CoachNote.BODY_MAX);
        }
        return text;
    }

    private static NoteView view(CoachNote n, Account caller) {
        return new NoteView(n.getId(), n.getAuthor().getDisplayName(), n.getBody(), n.getCreatedAt(), n.getUpdatedAt(),
                n.getAuthor().getId().equals(caller.getId()));
    }
}
