package fr.atelier51.project.service;

/** The caller's rights on one project (see {@link ProjectAccess}). */
public record ProjectPermissions(boolean canWork, boolean isOwner, boolean canAssignCoaches, boolean canSeePrivateNotes) {
}
