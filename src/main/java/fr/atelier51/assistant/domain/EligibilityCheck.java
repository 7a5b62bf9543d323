package fr.atelier51.assistant.domain;

/**
 * One rule of the eligibility screen (domain §6 E1–E15, and the seed documents' exclusions, ids HC-…).
 *
 * @param blocking whether a TO_CLARIFY here keeps the verdict at "à préciser" (reminders are not blocking)
 * @param alternative what to do instead when FAILED
 */
public record EligibilityCheck(String id, String rule, CheckStatus status, boolean blocking, String reason,
                               String alternative, Citation source) {
}
