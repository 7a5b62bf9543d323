package fr.atelier51.letter.service;

import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.domain.Scope;
import fr.atelier51.assistant.domain.Verdict;
import fr.atelier51.letter.domain.CtisCriterion;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.letter.domain.Readiness.Group;
import fr.atelier51.letter.domain.Readiness.Item;
import fr.atelier51.letter.domain.Readiness.State;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readiness rules, as plain functions of the letter's text and the assistant's record, so each can be tested on
 * a letter that misses it. Thresholds are deliberately modest: they flag what a coach would send back, not style.
 */
public final class ReadinessRules {

    /** Section key → the number of words below which a written section is still "thin". */
    private static final Map<String, Integer> MIN_WORDS = Map.ofEntries(
            Map.entry("intitule", 8), Map.entry("porteur", 6), Map.entry("partenaires", 10), Map.entry("contexte", 40),
            Map.entry("objectifs", 20), Map.entry("population", 20), Map.entry("description", 60), Map.entry("categorie", 2),
            Map.entry("derogations", 10), Map.entry("territoire", 3), Map.entry("duree", 2), Map.entry("financement", 15),
            Map.entry("impacts", 20), Map.entry("evaluation", 20), Map.entry("liens_interets", 5));
    private static final Pattern DURATION = Pattern.compile("(\\d{1,3})\\s*(mois|ans?|années?)");
    private static final Pattern DEROGATION_REF = Pattern.compile("(L\\.?\\s?162-31-1|II\\s*[123]°)");
    private static final Pattern SCOPE_WORD = Pattern.compile("\\b(local|locale|infraregional|regional|regionale|interregional|interregionale|national|nationale)\\b");

    private ReadinessRules() {
    }

    /**
     * @param sections section key → text, in letter order
     * @param headings section key → French heading
     */
    public static Readiness check(Map<String, String> sections, Map<String, String> headings, ProjectRecord record) {
        List<Item> items = new ArrayList<>();
        sections.forEach((key, text) -> items.add(section(key, headings.getOrDefault(key, key), text, record)));
        items.addAll(legalMinimum(sections));
        items.addAll(ctis(sections));
        items.add(eligibility(record));
        return Readiness.of(items);
    }

    static Item section(String key, String heading, String text, ProjectRecord record) {
        String source = "CSS, art. R.162-50-6";
        if (blank(text)) {
            return new Item(Group.SECTION, heading, State.MISSING, "la section est vide", key, source);
        }
        String folded = fold(text);
        switch (key) {
            case "duree" -> {
                Optional<Integer> months = months(folded);
                if (months.isEmpty()) {
                    return new Item(Group.SECTION, heading, State.MISSING, "la durée n’est pas indiquée (en mois ou en années)", key, "CSS, art. L.162-31-1, I");
                }
                if (months.get() > 60) {
                    return new Item(Group.SECTION, heading, State.MISSING, "durée supérieure à 5 ans (" + months.get() + " mois) : la loi la limite à 5 ans", key, "CSS, art. L.162-31-1, I");
                }
            }
            case "derogations" -> {
                if (!DEROGATION_REF.matcher(text).find()) {
                    return new Item(Group.SECTION, heading, State.MISSING, "aucune dérogation de l’article L.162-31-1 II n’est citée", key, "CSS, art. L.162-31-1, II");
                }
                boolean unjustifiedCspDerogation = record.keptDerogations().stream()
                        .anyMatch(d -> d.getReference() != null && d.getReference().contains("II 2°") && blank(d.getJustification()));
                if (unjustifiedCspDerogation && !folded.contains("indispensable")) {
                    return new Item(Group.SECTION, heading, State.THIN, "aucune dérogation justifiée : une dérogation au code de la santé publique doit être indispensable, dites pourquoi", key, "CSS, art. L.162-31-1, II 2°");
                }
            }
            case "territoire" -> {
                Matcher m = SCOPE_WORD.matcher(folded);
                if (!m.find()) {
                    return new Item(Group.SECTION, heading, State.THIN, "le champ (local, régional, interrégional ou national) n’est pas nommé", key, "CSS, art. R.162-50-6, 4°");
                }
                Scope said = m.group(1).startsWith("inter") ? Scope.INTERREGIONAL : m.group(1).startsWith("nation") ? Scope.NATIONAL
                        : m.group(1).startsWith("region") ? Scope.REGIONAL : Scope.LOCAL;
                if (record.getScope() != null && said != record.getScope()
                        && !(said == Scope.LOCAL && record.getScope() == Scope.REGIONAL)) {
                    return new Item(Group.SECTION, heading, State.THIN, "le champ territorial ne correspond pas aux régions citées (l’assistant a établi : " + record.getScope().label() + ")", key, "CSS, art. R.162-50-5");
                }
            }
            case "financement" -> {
                if (!folded.contains("fiss") && !folded.contains("fir") && !folded.contains("€") && !folded.contains("euro")) {
                    return new Item(Group.SECTION, heading, State.THIN, "ni fonds (FISS, FIR) ni montant ne sont indiqués", key, "CSS, art. R.162-50-6, 6°");
                }
            }
            default -> { }
        }
        int words = words(text);
        int min = MIN_WORDS.getOrDefault(key, 10);
        if (words < min) {
            return new Item(Group.SECTION, heading, State.THIN, "peu développé (" + words + " mot" + (words > 1 ? "s" : "") + ", au moins " + min + " attendus)", key, source);
        }
        return new Item(Group.SECTION, heading, State.COMPLETE, "", key, source);
    }

    static List<Item> legalMinimum(Map<String, String> s) {
        List<Item> items = new ArrayList<>();
        items.add(present("Durée envisagée (1°)", s, "duree"));
        items.add(present("Objet et catégorie (2°)", s, "categorie"));
        items.add(present("Dérogations envisagées (3°)", s, "derogations"));
        items.add(present("Champ d’application territorial (4°)", s, "territoire"));
        boolean data = mentions(s, "donnees", "recueil", "dossier", "rgpd", "consentement", "information des patients");
        items.add(new Item(Group.LEGAL_MINIMUM, "Informations recueillies sur les patients (5°)", data ? State.COMPLETE : State.MISSING,
                data ? "" : "dites quelles données sur les patients seront recueillies, et comment elles seront utilisées et conservées",
                "evaluation", "CSS, art. R.162-50-6, 5° ; R.162-50-12"));
        items.add(present("Modalités de financement (6°)", s, "financement"));
        items.add(present("Modalités d’évaluation proposées (7°)", s, "evaluation"));
        items.add(present("Déclarations de liens d’intérêts (8°)", s, "liens_interets"));
        return items;
    }

    static List<Item> ctis(Map<String, String> s) {
        return List.of(
                criterion(CtisCriterion.FAISABILITE.label(), s, "description", "partenaires", "duree"),
                criterion(CtisCriterion.INNOVATION.label(), s, "contexte", "description"),
                criterion(CtisCriterion.EFFICIENCE.label(), s, "financement", "impacts"),
                criterion(CtisCriterion.REPRODUCTIBILITE.label(), s, "impacts", "evaluation"));
    }

    static Item eligibility(ProjectRecord record) {
        Verdict v = record.getVerdict();
        String source = "CSS, art. L.162-31-1";
        if (v == null) {
            return new Item(Group.ELIGIBILITY, "Éligibilité", State.MISSING, "l’assistant n’a pas encore établi l’éligibilité du projet", null, source);
        }
        return switch (v) {
            case ELIGIBLE_A_PRIORI -> new Item(Group.ELIGIBILITY, "Éligibilité", State.COMPLETE, v.label(), null, source);
            case TO_CLARIFY -> new Item(Group.ELIGIBILITY, "Éligibilité", State.THIN, v.label() + " : " + nullToEmpty(record.getVerdictExplanation()), null, source);
            case OUT_OF_SCOPE -> new Item(Group.ELIGIBILITY, "Éligibilité", State.MISSING, v.label() + " : " + nullToEmpty(record.getVerdictExplanation()), null, source);
        };
    }

    private static Item present(String label, Map<String, String> s, String key) {
        boolean ok = !blank(s.get(key));
        return new Item(Group.LEGAL_MINIMUM, label, ok ? State.COMPLETE : State.MISSING, ok ? "" : "la section correspondante est vide", key, "CSS, art. R.162-50-6");
    }

    /** A CTIS criterion shows what the letter says for it (the first sentence of the first section written). */
    private static Item criterion(String label, Map<String, String> s, String... keys) {
        for (String key : keys) {
            String text = s.get(key);
            if (!blank(text)) {
                return new Item(Group.CTIS, label, State.COMPLETE, firstSentence(text), key, "CSS, art. R.162-50-7");
            }
        }
        return new Item(Group.CTIS, label, State.MISSING, "rien dans la lettre ne répond encore à ce critère", keys[0], "CSS, art. R.162-50-7");
    }

    static Optional<Integer> months(String folded) {
        Matcher m = DURATION.matcher(folded);
        Integer best = null;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            int months = m.group(2).startsWith("mois") ? n : n * 12;
            best = best == null ? months : Math.max(best, months);
        }
        return Optional.ofNullable(best);
    }

    private static boolean mentions(Map<String, String> s, String... words) {
        String all = fold(String.join(" ", s.values()));
        for (String w : words) {
            if (all.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String firstSentence(String text) {
        String plain = text.replaceAll("[*_#>`\\-]+", " ").replaceAll("\\s+", " ").strip();
        int end = plain.indexOf(". ");
        String sentence = end > 0 ? plain.substring(0, end + 1) : plain;
        return sentence.length() > 220 ? sentence.substring(0, 219) + "…" : sentence;
    }

    private static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    static String fold(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
