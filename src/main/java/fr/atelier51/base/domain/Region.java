package fr.atelier51.base.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 18 French regions, each served by one Agence régionale de santé (ARS).
 * Codes are INSEE region codes (COG since 2016); hosts follow the ARS pattern.
 * Both are marked uncertain in the domain notes, so the UI never presents them as authoritative.
 */
public enum Region {
    AUVERGNE_RHONE_ALPES("84", "Auvergne-Rhône-Alpes", "auvergne-rhone-alpes.ars.sante.fr"),
    BOURGOGNE_FRANCHE_COMTE("27", "Bourgogne-Franche-Comté", "bourgogne-franche-comte.ars.sante.fr"),
    BRETAGNE("53", "Bretagne", "bretagne.ars.sante.fr"),
    CENTRE_VAL_DE_LOIRE("24", "Centre-Val de Loire", "centre-val-de-loire.ars.sante.fr"),
    CORSE("94", "Corse", "corse.ars.sante.fr"),
    GRAND_EST("44", "Grand Est", "grand-est.ars.sante.fr"),
    HAUTS_DE_FRANCE("32", "Hauts-de-France", "hauts-de-france.ars.sante.fr"),
    ILE_DE_FRANCE("11", "Île-de-France", "iledefrance.ars.sante.fr"),
    NORMANDIE("28", "Normandie", "normandie.ars.sante.fr"),
    NOUVELLE_AQUITAINE("75", "Nouvelle-Aquitaine", "nouvelle-aquitaine.ars.sante.fr"),
    OCCITANIE("76", "Occitanie", "occitanie.ars.sante.fr"),
    PAYS_DE_LA_LOIRE("52", "Pays de la Loire", "pays-de-la-loire.ars.sante.fr"),
    PROVENCE_ALPES_COTE_D_AZUR("93", "Provence-Alpes-Côte d'Azur", "paca.ars.sante.fr"),
    GUADELOUPE("01", "Guadeloupe", "guadeloupe.ars.sante.fr"),
    MARTINIQUE("02", "Martinique", "martinique.ars.sante.fr"),
    GUYANE("03", "Guyane", "guyane.ars.sante.fr"),
    LA_REUNION("04", "La Réunion", "lareunion.ars.sante.fr"),
    MAYOTTE("06", "Mayotte", "mayotte.ars.sante.fr");

    private final String inseeCode;
    private final String label;
    private final String arsHost;

    Region(String inseeCode, String label, String arsHost) {
        this.inseeCode = inseeCode;
        this.label = label;
        this.arsHost = arsHost;
    }

    public String inseeCode() {
        return inseeCode;
    }

    /** The region's name as written in French (used in both UI languages: it is a proper name). */
    public String label() {
        return label;
    }

    public String arsName() {
        return "ARS " + label;
    }

    public String arsSite() {
        return "https://" + arsHost;
    }

    /** Accepts the enum name, the INSEE code or the French name (case- and accent-insensitive). */
    public static Optional<Region> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = fold(text);
        return Arrays.stream(values())
                .filter(r -> fold(r.name()).equals(wanted) || r.inseeCode.equals(text.trim())
                        || fold(r.label).equals(wanted))
                .findFirst();
    }

    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
