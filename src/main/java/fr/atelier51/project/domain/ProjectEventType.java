package fr.atelier51.project.domain;

public enum ProjectEventType {
    CREATED, UPDATED, STATUS_CHANGED, CO_HOLDER_ADDED, CO_HOLDER_REMOVED, COACH_ASSIGNED, COACH_UNASSIGNED;

    public String labelKey() {
        return "project.event." + name();
    }
}
