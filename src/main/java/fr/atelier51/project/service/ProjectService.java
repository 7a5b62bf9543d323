package fr.atelier51.project.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.AccountRepository;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.domain.Region;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectEvent;
import fr.atelier51.project.domain.ProjectEventRepository;
import fr.atelier51.project.domain.ProjectEventType;
import fr.atelier51.project.domain.ProjectRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Projects and their members. Every method resolves the caller from the security context and applies
 * {@link ProjectAccess}; a project the caller may not read answers "not found", exactly like a missing one.
 */
@Service
@Transactional
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectEventRepository events;
    private final AccountRepository accounts;
    private final CurrentAccount currentAccount;
    private final ApplicationEventPublisher publisher;

    public ProjectService(ProjectRepository projects, ProjectEventRepository events, AccountRepository accounts,
                          CurrentAccount currentAccount, ApplicationEventPublisher publisher) {
        this.projects = projects;
        this.events = events;
        this.accounts = accounts;
        this.currentAccount = currentAccount;
        this.publisher = publisher;
    }

    public Project create(NewProject form) {
        Account caller = currentAccount.require();
        if (!ProjectAccess.canCreateProject(caller)) {
            throw new ForbiddenException("project.error.only-holders-create");
        }
        String title = strip(form.getTitle());
        String summary = strip(form.getSummary());
        String organisation = strip(form.getOrganisation());
        if (title.isEmpty()) {
            throw new BusinessException("project.error.title-required");
        }
        if (title.length() > Project.TITLE_MAX) {
            throw new BusinessException("project.error.title-too-long", Project.TITLE_MAX);
        }
        if (summary.length() > Project.SUMMARY_MAX) {
            throw new BusinessException("project.error.summary-too-long", Project.SUMMARY_MAX);
        }
        if (organisation.length() > Project.ORGANISATION_MAX) {
            throw new BusinessException("project.error.organisation-too-long", Project.ORGANISATION_MAX);
        }
        Set<Region> regions = form.getRegions() == null ? EnumSet.noneOf(Region.class) : form.getRegions();
        if (organisation.isEmpty() && caller.getOrganisation() != null) {
            organisation = caller.getOrganisation();
        }
        Project project = projects.save(new Project(title, summary.isEmpty() ? null : summary,
                organisation.isEmpty() ? null : organisation, regions, caller));
        events.save(new ProjectEvent(project, ProjectEventType.CREATED, caller, null));
        return project;
    }

    /** Holders: their projects; coaches: the projects assigned to them; admins: all. */
    @Transactional(readOnly = true)
    public List<Project> listVisible() {
        Account caller = currentAccount.require();
        return switch (caller.getRole()) {
            case HOLDER -> projects.findForHolder(caller);
            case COACH -> projects.findForCoach(caller);
            case ADMIN -> projects.findAllByOrderByUpdatedAtDesc();
        };
    }

    @Transactional(readOnly = true)
    public Project get(long projectId) {
        return readable(projectId, currentAccount.require());
    }

    @Transactional(readOnly = true)
    public List<ProjectEvent> timeline(long projectId) {
        Project project = readable(projectId, currentAccount.require());
        return events.findByProjectOrderByOccurredAtDescIdDesc(project);
    }

    /** What the caller may do on this project, for views to show only the actions that will succeed. */
    @Transactional(readOnly = true)
    public ProjectPermissions permissions(long projectId) {
        Account caller = currentAccount.require();
        Project project = readable(projectId, caller);
        return new ProjectPermissions(ProjectAccess.canWork(caller, project), ProjectAccess.isOwner(caller, project),
                ProjectAccess.canAssignCoaches(caller), ProjectAccess.canSeePrivateNotes(caller, project));
    }

    /** The owner invites an existing holder account by e-mail. */
    public Project inviteCoHolder(long projectId, String email) {
        Account caller = currentAccount.require();
        Project project = readable(projectId, caller);
        if (!ProjectAccess.isOwner(caller, project)) {
            throw new ForbiddenException("project.error.only-owner-invites");
        }
        Account invitee = accounts.findByEmailIgnoreCase(email == null ? "" : email.strip())
                .filter(Account::isActive)
                .orElseThrow(() -> new BusinessException("project.error.invitee-unknown"));
        if (invitee.getRole() != Role.HOLDER) {
            throw new BusinessException("project.error.invitee-not-holder");
        }
        if (project.isHolder(invitee)) {
            throw new BusinessException("project.error.already-member", invitee.getDisplayName());
        }
        project.addCoHolder(invitee);
        events.save(new ProjectEvent(project, ProjectEventType.CO_HOLDER_ADDED, caller, invitee.getDisplayName()));
        return project;
    }

    /** The owner removes a co-holder; the person loses access at once. */
    public Project removeCoHolder(long projectId, long accountId) {
        Account caller = currentAccount.require();
        Project project = readable(projectId, caller);
        if (!ProjectAccess.isOwner(caller, project)) {
            throw new ForbiddenException("project.error.only-owner-invites");
        }
        Account removed = accounts.findById(accountId)
                .orElseThrow(() -> new BusinessException("project.error.member-unknown"));
        if (project.removeCoHolder(removed)) {
            events.save(new ProjectEvent(project, ProjectEventType.CO_HOLDER_REMOVED, caller, removed.getDisplayName()));
            publisher.publishEvent(new ProjectMembershipChanged(projectId, accountId));
        }
        return project;
    }

    public Project assignCoach(long projectId, long coachId) {
        Account caller = currentAccount.require();
        Project project = readable(projectId, caller);
        if (!ProjectAccess.canAssignCoaches(caller)) {
            throw new ForbiddenException("project.error.only-admin-assigns");
        }
        Account coach = accounts.findById(coachId)
                .filter(a -> a.getRole() == Role.COACH && a.isActive())
                .orElseThrow(() -> new BusinessException("project.error.coach-unknown"));
        if (project.isAssignedCoach(coach)) {
            throw new BusinessException("project.error.already-member", coach.getDisplayName());
        }
        project.assignCoach(coach);
        events.save(new ProjectEvent(project, ProjectEventType.COACH_ASSIGNED, caller, coach.getDisplayName()));
        return project;
    }

    public Project unassignCoach(long projectId, long coachId) {
        Account caller = currentAccount.require();
        Project project = readable(projectId, caller);
        if (!ProjectAccess.canAssignCoaches(caller)) {
            throw new ForbiddenException("project.error.only-admin-assigns");
        }
        Account coach = accounts.findById(coachId)
                .orElseThrow(() -> new BusinessException("project.error.coach-unknown"));
        if (project.unassignCoach(coach)) {
            events.save(new ProjectEvent(project, ProjectEventType.COACH_UNASSIGNED, caller, coach.getDisplayName()));
            publisher.publishEvent(new ProjectMembershipChanged(projectId, coachId));
        }
        return project;
    }

    private Project readable(long projectId, Account caller) {
        return projects.findById(projectId)
                .filter(p -> ProjectAccess.canRead(caller, p))
                .orElseThrow(() -> new NotFoundException("project.error.not-found"));
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
