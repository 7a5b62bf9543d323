package fr.atelier51.project.domain;

import java.util.EnumSet;
import java.util.Set;

import static fr.atelier51.project.domain.ProjectStatus.*;

/**
 * The explicit actions of the lifecycle (product.md), each with the statuses it starts from and the one it leads to.
 * Who may take each action is decided in the service, where the caller is known.
 */
public enum Transition {
    START_WRITING(EnumSet.of(IDEE), REDACTION),
    REQUEST_REVIEW(EnumSet.of(IDEE, REDACTION), REVUE_COACH),
    REQUEST_CHANGES(EnumSet.of(REVUE_COACH), REDACTION),
    VALIDATE(EnumSet.of(REVUE_COACH), PRETE),
    // From DEPOSEE: "modifications après dépôt" — the letter is reworked and filed again (a new frozen version).
    REOPEN(EnumSet.of(PRETE, DEPOSEE), REDACTION),
    FILE(EnumSet.of(PRETE), DEPOSEE),
    RECORD_FAVORABLE(EnumSet.of(DEPOSEE), AVIS_FAVORABLE),
    RECORD_UNFAVORABLE(EnumSet.of(DEPOSEE), AVIS_DEFAVORABLE),
    ABANDON(EnumSet.of(IDEE, REDACTION, REVUE_COACH, PRETE, DEPOSEE), ABANDONNEE);

    private final Set<ProjectStatus> from;
    private final ProjectStatus to;

    Transition(Set<ProjectStatus> from, ProjectStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean startsFrom(ProjectStatus status) {
        return from.contains(status);
    }

    public ProjectStatus target() {
        return to;
    }

    /** Whether the person must write why (a coach asking for changes, an outcome, an abandon). */
    public boolean needsNote() {
        return this == REQUEST_CHANGES || this == ABANDON;
    }

    public boolean isOutcome() {
        return this == RECORD_FAVORABLE || this == RECORD_UNFAVORABLE;
    }

    public String labelKey() {
        return "transition." + name();
    }
}
