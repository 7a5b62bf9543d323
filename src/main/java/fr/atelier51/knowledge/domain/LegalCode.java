package fr.atelier51.knowledge.domain;

import java.util.Map;

/** A code of the LEGI data (e.g. the Code de la sécurité sociale) and its usual abbreviation in citations. */
public record LegalCode(String id, String title, String shortName) {

    public static final String CSS = "LEGITEXT000006073189";
    public static final String CODE_DU_TRAVAIL = "LEGITEXT000006072050";

    private static final Map<String, String> SHORT_NAMES = Map.of(
            CSS, "CSS",
            CODE_DU_TRAVAIL, "C. trav.",
            "LEGITEXT000022197698", "C. rur.",
            "LEGITEXT000031366350", "CRPA");

    public static String shortNameOf(String id, String title) {
        return SHORT_NAMES.getOrDefault(id, title);
    }
}
