package fr.atelier51.assistant.domain;

public enum CheckStatus {
    PASSED("ok"), TO_CLARIFY("à préciser"), FAILED("non respecté");

    private final String label;

    CheckStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
