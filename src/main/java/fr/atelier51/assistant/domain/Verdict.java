package fr.atelier51.assistant.domain;

public enum Verdict {
    ELIGIBLE_A_PRIORI("éligible a priori"),
    TO_CLARIFY("à préciser"),
    OUT_OF_SCOPE("hors champ");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
