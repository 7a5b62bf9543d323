package fr.atelier51.letter.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How ready a letter is: each check with its state and the reason in plain words, grouped as the panel shows them
 * (the letter's sections, the legal minimum of R.162-50-6, the CTIS criteria, the eligibility screen), and the
 * coach's decision on each CTIS criterion.
 *
 * <p>The overall state: {@code TO_COMPLETE} while any check is missing; {@code VALIDATED_BY_COACH} when nothing is
 * missing and a coach's latest decision validates all four CTIS criteria; {@code READY_FOR_REVIEW} otherwise.
 */
public record Readiness(List<Item> items, Overall overall, Map<CtisCriterion, Validation> validations) {

    public enum State { COMPLETE, THIN, MISSING }

    public enum Group { SECTION, LEGAL_MINIMUM, CTIS, ELIGIBILITY }

    public enum Overall { TO_COMPLETE, READY_FOR_REVIEW, VALIDATED_BY_COACH }

    /**
     * @param label     what is checked, in French
     * @param reason    why it is not complete (empty when it is), or what the letter says for a CTIS criterion
     * @param sectionKey the letter section where to fix it (null when the fix is elsewhere, e.g. the assistant)
     * @param source    the rule's legal source
     */
    public record Item(Group group, String label, State state, String reason, String sectionKey, String source) {
    }

    /** A coach's current decision on a criterion. */
    public record Validation(CtisCriterion criterion, boolean validated, String comment, String author, Instant decidedAt) {
    }

    public static Readiness of(List<Item> items) {
        return new Readiness(List.copyOf(items), overall(items, Map.of()), Map.of());
    }

    /** The same checks with the coaches' decisions, which may lift the overall state to "validated by the coach". */
    public Readiness withValidations(Map<CtisCriterion, Validation> decisions) {
        Map<CtisCriterion, Validation> copy = decisions.isEmpty() ? Map.of() : new EnumMap<>(decisions);
        return new Readiness(items, overall(items, copy), Map.copyOf(copy));
    }

    private static Overall overall(List<Item> items, Map<CtisCriterion, Validation> decisions) {
        if (items.stream().anyMatch(i -> i.state() == State.MISSING)) {
            return Overall.TO_COMPLETE;
        }
        boolean allValidated = decisions.size() == CtisCriterion.values().length
                && decisions.values().stream().allMatch(Validation::validated);
        return allValidated ? Overall.VALIDATED_BY_COACH : Overall.READY_FOR_REVIEW;
    }

    public long count(State state) {
        return items.stream().filter(i -> i.state() == state).count();
    }

    /** Completeness in percent: a complete check counts 1, one to flesh out ½, a missing one 0. */
    public int percent() {
        if (items.isEmpty()) {
            return 0;
        }
        double score = count(State.COMPLETE) + count(State.THIN) / 2.0;
        return (int) Math.floor(100 * score / items.size());
    }
}
