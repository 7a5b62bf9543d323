package fr.atelier51.workspace.domain;

import java.util.Optional;

/** The 15 sections of the letter of intent, in order (domain/article51.md §5.2). Headings are i18n keys. */
public enum SectionKey {
    INTITULE("intitule"),
    PORTEUR("porteur"),
    PARTENAIRES("partenaires"),
    CONTEXTE("contexte"),
    OBJECTIFS("objectifs"),
    POPULATION("population"),
    DESCRIPTION("description"),
    CATEGORIE("categorie"),
    DEROGATIONS("derogations"),
    TERRITOIRE("territoire"),
    DUREE("duree"),
    FINANCEMENT("financement"),
    IMPACTS("impacts"),
    EVALUATION("evaluation"),
    LIENS_INTERETS("liens_interets");

    private final String key;

    SectionKey(String key) {
        this.key = key;
    }

    /** The key used in URLs, the API and the database. */
    public String key() {
        return key;
    }

    public String headingKey() {
        return "workspace.section." + key;
    }

    public String helpKey() {
        return "workspace.section." + key + ".help";
    }

    public static Optional<SectionKey> parse(String key) {
        for (SectionKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
