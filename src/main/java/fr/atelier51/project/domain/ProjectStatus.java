package fr.atelier51.project.domain;

/** Lifecycle of product.md: IDEE → REDACTION → REVUE_COACH → PRETE → DEPOSEE → an outcome. */
public enum ProjectStatus {
    IDEE, REDACTION, REVUE_COACH, PRETE, DEPOSEE, AVIS_FAVORABLE, AVIS_DEFAVORABLE, ABANDONNEE;

    /** i18n key of the status label. */
    public String labelKey() {
        return "project.status." + name();
    }
}
