package fr.atelier51.knowledge.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Acronyms and synonyms of the Article 51 world, applied to queries: a query that says "FISS" also looks for
 * "fonds pour l'innovation du système de santé", and the other way round. Each group lists equivalent forms.
 */
public final class DomainSynonyms {

    private static final List<List<String>> GROUPS = List.of(
            List.of("ARS", "agence régionale de santé", "agences régionales de santé"),
            List.of("FISS", "fonds pour l'innovation du système de santé", "fonds pour l'innovation"),
            List.of("FIR", "fonds d'intervention régional"),
            List.of("CTIS", "comité technique de l'innovation en santé", "comité technique"),
            List.of("CSIS", "conseil stratégique de l'innovation en santé", "conseil stratégique"),
            List.of("HAS", "Haute Autorité de santé"),
            List.of("LI", "lettre d'intention"),
            List.of("CdC", "cahier des charges"),
            List.of("MSP", "maison de santé pluriprofessionnelle", "maison de santé", "maisons de santé"),
            List.of("CPTS", "communauté professionnelle territoriale de santé"),
            List.of("SISA", "société interprofessionnelle de soins ambulatoires"),
            List.of("ESSMS", "ESMS", "établissements et services sociaux et médico-sociaux", "établissement médico-social",
                    "médico-social"),
            List.of("T2A", "tarification à l'activité"),
            List.of("NGAP", "nomenclature générale des actes professionnels"),
            List.of("CCAM", "classification commune des actes médicaux"),
            List.of("LPP", "liste des produits et prestations"),
            List.of("CNAM", "caisse nationale de l'assurance maladie"),
            List.of("UNCAM", "union nationale des caisses d'assurance maladie"),
            List.of("SNDS", "système national des données de santé", "SNIIRAM"),
            List.of("CASF", "code de l'action sociale et des familles"),
            List.of("CSP", "code de la santé publique"),
            List.of("CSS", "code de la sécurité sociale"),
            List.of("LFSS", "loi de financement de la sécurité sociale"),
            List.of("AAP", "appel à projets", "appels à projets"),
            List.of("AMI", "appel à manifestation d'intérêt"),
            List.of("CAI", "crédits d'amorçage et d'ingénierie", "crédits d'amorçage"),
            List.of("RG", "rapporteur général"),
            List.of("PMI", "protection maternelle et infantile"),
            List.of("GCS", "groupement de coopération sanitaire"),
            List.of("HAD", "hospitalisation à domicile"),
            List.of("ALD", "affection de longue durée"),
            List.of("IPA", "infirmier en pratique avancée", "pratique avancée"),
            List.of("DGOS", "direction générale de l'offre de soins"),
            List.of("DSS", "direction de la sécurité sociale"),
            List.of("EHPAD", "établissement d'hébergement pour personnes âgées dépendantes"),
            List.of("tiers payant", "dispense d'avance de frais"),
            List.of("ticket modérateur", "participation de l'assuré", "reste à charge"),
            List.of("hôtel hospitalier", "hébergement temporaire non médicalisé"),
            List.of("partage d'honoraires", "partage des honoraires"),
            List.of("télésurveillance", "télésuivi"),
            List.of("protocole de coopération", "coopération entre professionnels de santé"),
            List.of("expérimentation", "expérimentations pour l'innovation dans le système de santé"),
            List.of("dérogation", "dérogatoire", "déroger"),
            List.of("durée", "cinq ans"),
            List.of("délai", "silence vaut"));

    /** "article 51", "art. 51", "l'article 51 de la LFSS 2018": the scheme, whose legal basis is L.162-31-1. */
    private static final Pattern ARTICLE_51 = Pattern.compile("(?<![a-z0-9])(?:art(?:icle)?\\.?\\s*51|dispositif\\s+51)(?![0-9-])");

    private DomainSynonyms() {
    }

    /** The forms of each group, folded once (expansions runs on every query). */
    private static final List<List<String>> FOLDED = GROUPS.stream().map(g -> g.stream().map(DomainSynonyms::fold).toList()).toList();

    /** Equivalent forms of what the query mentions (never the forms already in the query). */
    public static Set<String> expansions(String query) {
        return expansionsOfFolded(fold(query));
    }

    /** {@link #expansions} of a query already {@link #fold folded} (a search folds it once for both checks). */
    static Set<String> expansionsOfFolded(String foldedQuery) {
        String folded = " " + foldedQuery + " ";
        Set<String> result = new LinkedHashSet<>();
        for (int g = 0; g < GROUPS.size(); g++) {
            List<String> group = GROUPS.get(g);
            List<String> present = new ArrayList<>();
            for (int f = 0; f < group.size(); f++) {
                if (contains(folded, FOLDED.get(g).get(f))) {
                    present.add(group.get(f));
                }
            }
            if (!present.isEmpty()) {
                for (String form : group) {
                    if (!present.contains(form)) {
                        result.add(form);
                    }
                }
            }
        }
        return result;
    }

    /** Every form of every group, in declaration order (the index marks where the multi-word ones occur). */
    static List<String> allForms() {
        return GROUPS.stream().flatMap(List::stream).toList();
    }

    /** Whether the query names the Article 51 scheme by its popular name. */
    public static boolean mentionsArticle51(String query) {
        return mentionsArticle51Folded(fold(query));
    }

    static boolean mentionsArticle51Folded(String foldedQuery) {
        return ARTICLE_51.matcher(foldedQuery).find();
    }

    /** Without accents, in lower case, typographic apostrophes straightened, blanks collapsed; one pass (every query runs it). */
    static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        boolean blank = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                blank = true;
                continue;
            }
            if (blank && !out.isEmpty()) {
                out.append(' ');
            }
            blank = false;
            out.append(c == '’' ? '\'' : c);
        }
        return out.toString();
    }

    private static boolean contains(String foldedText, String foldedForm) {
        int i = foldedText.indexOf(foldedForm);
        while (i >= 0) {
            int end = i + foldedForm.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(foldedText.charAt(i - 1));
            boolean endOk = end >= foldedText.length() || !Character.isLetterOrDigit(foldedText.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            i = foldedText.indexOf(foldedForm, i + 1);
        }
        return false;
    }
}
