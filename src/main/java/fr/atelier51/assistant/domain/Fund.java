package fr.atelier51.assistant.domain;

public enum Fund {
    /** Fonds pour l'innovation du système de santé (L.162-31-1 VI), run by the CNAM. */
    FISS,
    /** Fonds d'intervention régional (CSP L.1435-8), run by the ARS. */
    FIR
}
