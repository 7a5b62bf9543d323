package fr.atelier51.portfolio.domain;

/** Why a coach is reminded: a review was just requested, or it has waited longer than the configured days. */
public enum ReminderKind {
    REQUESTED, OVERDUE
}
