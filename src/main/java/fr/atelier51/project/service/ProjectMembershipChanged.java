package fr.atelier51.project.service;

/**
 * Published (as a Spring application event, after the change is committed) when someone loses access to a project:
 * a co-holder removed, a coach unassigned. Open editors and views listen to it to close at once.
 */
public record ProjectMembershipChanged(long projectId, long accountId) {
}
