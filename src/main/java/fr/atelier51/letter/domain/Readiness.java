package fr.atelier51.letter.domain;

import java.util.List;

/**
 * How ready a letter is: each check with its state and the reason in plain words, grouped as the panel shows them
 * (the letter's sections, the legal minimum of R.162-50-6, the CTIS criteria, the eligibility screen).
 */
public record Readiness(List<Item> items, Overall overall) {

    public enum State { COMPLETE, THIN, MISSING }

    public enum Group { SECTION, LEGAL_MINIMUM, CTIS, ELIGIBILITY }

    public enum Overall { TO_COMPLETE, READY_FOR_REVIEW }

    /**
     * @param label     what is checked, in French
     * @param reason    why it is not complete (empty when it is), or what the letter says for a CTIS criterion
     * @param sectionKey the letter section where to fix it (null when the fix is elsewhere, e.g. the assistant)
     * @param source    the rule's legal source
     */
    public record Item(Group group, String label, State state, String reason, String sectionKey, String source) {
    }

    public static Readiness of(List<Item> items) {
        boolean missing = items.stream().anyMatch(i -> i.state() == State.MISSING);
        return new Readiness(List.copyOf(items), missing ? Overall.TO_COMPLETE : Overall.READY_FOR_REVIEW);
    }

    public long count(State state) {
        return items.stream().filter(i -> i.state() == state).count();
    }
}
