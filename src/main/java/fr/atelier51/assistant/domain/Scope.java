package fr.atelier51.assistant.domain;

/** Territorial scope of an experiment (CSS R.162-50-6 4°); the CTIS may change it (R.162-50-7 III). */
public enum Scope {
    LOCAL("local (infrarégional)"),
    REGIONAL("régional"),
    INTERREGIONAL("interrégional"),
    NATIONAL("national");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Local and regional projects go to the DG ARS; the others to the rapporteur général (R.162-50-5). */
    public boolean goesToArs() {
        return this == LOCAL || this == REGIONAL;
    }
}
