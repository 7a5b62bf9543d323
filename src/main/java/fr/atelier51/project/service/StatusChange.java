package fr.atelier51.project.service;

import fr.atelier51.project.domain.Transition;

import java.time.LocalDate;

/**
 * One action on the lifecycle, as the person filled it in: a note (why changes are asked, an outcome's remark),
 * and for filing and outcomes a date; for filing the destination the owner confirms.
 */
public record StatusChange(Transition transition, String note, LocalDate date, String destination) {

    public static StatusChange of(Transition transition) {
        return new StatusChange(transition, null, null, null);
    }
}
