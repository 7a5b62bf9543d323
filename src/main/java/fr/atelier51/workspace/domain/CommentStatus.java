package fr.atelier51.workspace.domain;

/** Where a thread stands. Comments are open or resolved; suggestions end accepted, rejected or withdrawn. */
public enum CommentStatus {
    OPEN, RESOLVED, ACCEPTED, REJECTED, WITHDRAWN;

    public boolean isOpen() {
        return this == OPEN;
    }
}
