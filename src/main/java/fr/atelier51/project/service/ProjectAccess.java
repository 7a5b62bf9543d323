package fr.atelier51.project.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.project.domain.Project;

/** The access matrix of product.md for one project, in one place. */
public final class ProjectAccess {

    private ProjectAccess() {
    }

    /** Read the project: its members, its assigned coaches, admins. */
    public static boolean canRead(Account account, Project project) {
        return account.getRole() == Role.ADMIN || canWork(account, project);
    }

    /** Chat, edit the letter, comment: members and assigned coaches (admins only read). */
    public static boolean canWork(Account account, Project project) {
        return switch (account.getRole()) {
            case HOLDER -> project.isHolder(account);
            case COACH -> project.isAssignedCoach(account);
            case ADMIN -> false;
        };
    }

    /** Invite co-holders and file the letter: the owner only. */
    public static boolean isOwner(Account account, Project project) {
        return account.getRole() == Role.HOLDER && project.isOwner(account);
    }

    /** Coaches' private notes: assigned coaches and admins. */
    public static boolean canSeePrivateNotes(Account account, Project project) {
        return account.getRole() == Role.ADMIN || (account.getRole() == Role.COACH && project.isAssignedCoach(account));
    }

    public static boolean canAssignCoaches(Account account) {
        return account.getRole() == Role.ADMIN;
    }

    public static boolean canCreateProject(Account account) {
        return account.getRole() == Role.HOLDER;
    }
}
