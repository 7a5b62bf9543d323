package fr.atelier51.letter.domain;

/** The four criteria the CTIS weighs a letter on (CSS, art. R.162-50-7), which a coach validates one by one. */
public enum CtisCriterion {
    FAISABILITE("Faisabilité opérationnelle"),
    INNOVATION("Caractère innovant"),
    EFFICIENCE("Efficience"),
    REPRODUCTIBILITE("Reproductibilité");

    private final String label;

    CtisCriterion(String label) {
        this.label = label;
    }

    /** The French label, as the readiness panel names the criterion. */
    public String label() {
        return label;
    }

    public String labelKey() {
        return "filing.criterion." + name();
    }
}
