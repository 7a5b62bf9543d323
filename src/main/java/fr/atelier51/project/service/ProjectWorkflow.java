package fr.atelier51.project.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectEvent;
import fr.atelier51.project.domain.ProjectEventRepository;
import fr.atelier51.project.domain.ProjectEventType;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.domain.Transition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The project lifecycle of product.md: which action each role may take from each status, recorded in the
 * timeline and announced to the other features.
 */
@Service
@Transactional
public class ProjectWorkflow {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final int NOTE_MAX = 2000;
    public static final int DESTINATION_MAX = 300;

    private final ProjectService projectService;
    private final ProjectEventRepository events;
    private final CurrentAccount currentAccount;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final List<DestinationAdvisor> advisors;

    public ProjectWorkflow(ProjectService projectService, ProjectEventRepository events, CurrentAccount currentAccount,
                           ApplicationEventPublisher publisher, List<DestinationAdvisor> advisors) {
        this.advisors = advisors;
        this.projectService = projectService;
        this.events = events;
        this.currentAccount = currentAccount;
        this.publisher = publisher;
        this.clock = Clock.system(PARIS);
    }

    /** The actions the caller may take now, in lifecycle order (for views to show only those). */
    @Transactional(readOnly = true)
    public List<Transition> available(long projectId) {
        Account caller = currentAccount.require();
        Project project = projectService.get(projectId);
        return Arrays.stream(Transition.values())
                .filter(t -> t.startsFrom(project.getStatus()) && mayTake(caller, project, t))
                .toList();
    }

    /**
     * Where the letter should go: what the assistant established if it did, else from the project's regions
     * (one region → its ARS, several → the rapporteur général).
     */
    @Transactional(readOnly = true)
    public String proposedDestination(long projectId) {
        Project project = projectService.get(projectId);
        Optional<String> advised = advisors.stream().map(a -> a.destinationOf(projectId)).flatMap(Optional::stream).findFirst();
        if (advised.isPresent()) {
            return advised.get();
        }
        return project.getRegions().size() == 1
                ? project.getRegions().iterator().next().arsName()
                : "Rapporteur général du comité technique de l’innovation en santé";
    }

    public Project apply(long projectId, StatusChange change) {
        Account caller = currentAccount.require();
        Project project = projectService.get(projectId);
        Transition transition = change.transition();
        ProjectStatus from = project.getStatus();
        if (!transition.startsFrom(from)) {
            throw new BusinessException("workflow.error.not-now");
        }
        if (!mayTake(caller, project, transition)) {
            throw new ForbiddenException(transition == Transition.REOPEN && from == ProjectStatus.DEPOSEE
                    ? "workflow.error.reopen-filed" : "workflow.error.not-yours");
        }
        String note = change.note() == null ? "" : change.note().strip();
        if (note.length() > NOTE_MAX) {
            throw new BusinessException("workflow.error.note-too-long", NOTE_MAX);
        }
        if (transition.needsNote() && note.isEmpty()) {
            throw new BusinessException("workflow.error.note-required");
        }
        if (transition == Transition.REQUEST_REVIEW && project.getCoaches().isEmpty()) {
            throw new BusinessException("workflow.error.no-coach");
        }
        LocalDate today = LocalDate.now(clock);
        if (transition == Transition.FILE || transition.isOutcome()) {
            LocalDate date = change.date();
            if (date == null) {
                throw new BusinessException("workflow.error.date-required");
            }
            if (date.isAfter(today)) {
                throw new BusinessException("workflow.error.date-in-future");
            }
            if (transition == Transition.FILE) {
                String destination = change.destination() == null ? "" : change.destination().strip();
                if (destination.isEmpty()) {
                    throw new BusinessException("workflow.error.destination-required");
                }
                if (destination.length() > DESTINATION_MAX) {
                    throw new BusinessException("workflow.error.destination-too-long", DESTINATION_MAX);
                }
                project.recordFiling(date, destination);
            } else {
                if (project.getFiledOn() != null && date.isBefore(project.getFiledOn())) {
                    throw new BusinessException("workflow.error.outcome-before-filing");
                }
                project.recordOutcome(date, note.isEmpty() ? null : note);
            }
        }
        project.changeStatus(transition.target());
        events.save(new ProjectEvent(project, ProjectEventType.STATUS_CHANGED, caller, transition.target().name())
                .withNote(note.isEmpty() ? null : note));
        publisher.publishEvent(new ProjectStatusChanged(projectId, from, transition.target(), caller.getId()));
        return project;
    }

    private static boolean mayTake(Account caller, Project project, Transition transition) {
        boolean memberHolder = caller.getRole() == Role.HOLDER && project.isHolder(caller);
        boolean owner = ProjectAccess.isOwner(caller, project);
        boolean coach = caller.getRole() == Role.COACH && project.isAssignedCoach(caller);
        boolean admin = caller.getRole() == Role.ADMIN;
        return switch (transition) {
            case START_WRITING, REQUEST_REVIEW -> memberHolder;
            case REQUEST_CHANGES, VALIDATE -> coach;
            // Un-filing changes an official record: only who filed it (the owner) or an admin; before filing, the team.
            case REOPEN -> project.getStatus() == ProjectStatus.DEPOSEE ? owner || admin : memberHolder || coach;
            case FILE, ABANDON -> owner;
            case RECORD_FAVORABLE, RECORD_UNFAVORABLE -> owner || coach;
        };
    }
}
