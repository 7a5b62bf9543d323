package fr.atelier51.assistant.service;

import fr.atelier51.assistant.domain.CheckStatus;
import fr.atelier51.assistant.domain.Citation;
import fr.atelier51.assistant.domain.Derogation;
import fr.atelier51.assistant.domain.DerogationStatus;
import fr.atelier51.assistant.domain.Destination;
import fr.atelier51.assistant.domain.EligibilityCheck;
import fr.atelier51.assistant.domain.Fund;
import fr.atelier51.assistant.domain.FundLine;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.domain.Scope;
import fr.atelier51.assistant.domain.Signal;
import fr.atelier51.assistant.domain.Verdict;
import fr.atelier51.base.domain.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the record derives from the holder's facts: purposes (L.162-31-1 I), categories (R.162-50-1),
 * scope → destination (R.162-50-5) → funds, and the eligibility screen (domain §6 and the seed exclusions).
 * Pure functions of the record; called after every turn.
 */
public final class Rules {

    public static final int MAX_MONTHS = 60;

    static final Citation L162_31_1 = Citation.article("L.162-31-1");
    static final Citation R_CATEGORIES = Citation.article("R.162-50-1");
    static final Citation R_ROUTING = Citation.article("R.162-50-5");
    static final Citation R_CONTENT = Citation.article("R.162-50-6");
    static final Citation R_HAS = Citation.article("R.162-50-8");
    static final Citation R_AUTH = Citation.article("R.162-50-9");
    static final Citation R_LINKS = Citation.article("R.162-50-13");
    static final Citation R_PATIENTS = Citation.article("R.162-50-11");
    static final Citation NOTE_ELIGIBILITY = Citation.note("02-eligibilite-et-exclusions", "Éligibilité et exclusions");
    static final Citation NOTE_DEROGATIONS = Citation.note("03-catalogue-des-derogations", "Catalogue des dérogations");
    static final Citation NOTE_CATEGORIES = Citation.note("04-categories-d-experimentation", "Catégories d’expérimentation");
    static final Citation NOTE_SCOPE = Citation.note("05-champ-territorial-et-destinataire", "Champ territorial et destinataire");
    static final Citation NOTE_FUNDS = Citation.note("06-financement-fiss-fir", "Financement FISS et FIR");
    static final Citation NOTE_TELE = Citation.note("14-telesurveillance-et-produits-de-sante", "Télésurveillance et produits de santé");
    static final Citation COOPERATION = new Citation("CSP, art. L.4011-1 et suivants (numéros à vérifier sur Légifrance)",
            "https://www.legifrance.gouv.fr/search/code?query=L4011-1%20protocole%20de%20coop%C3%A9ration");

    private Rules() {
    }

    public static void apply(ProjectRecord r) {
        scope(r);
        purposesAndCategories(r);
        checks(r);
    }

    // ---------------------------------------------------------------- scope, destination, funds

    static void scope(ProjectRecord r) {
        Set<Region> regions = r.getRegions();
        boolean wholeRegion = r.getTerritories().stream().anyMatch(t -> t.startsWith("Région "))
                || r.getTerritories().contains("toute la région");
        Scope scope;
        String reasoning;
        if (r.isNational()) {
            scope = Scope.NATIONAL;
            reasoning = "Vous visez un déploiement national : champ national.";
        } else if (regions.size() >= 2) {
            scope = Scope.INTERREGIONAL;
            reasoning = "Les territoires cités (" + String.join(", ", r.getTerritories()) + ") couvrent "
                    + regions.size() + " régions (" + labels(regions) + ") : champ interrégional.";
        } else if (r.isMultiRegion()) {
            scope = Scope.INTERREGIONAL;
            reasoning = "Vous parlez de plusieurs régions : champ interrégional (précisez lesquelles).";
        } else if (regions.size() == 1) {
            Region region = regions.iterator().next();
            if (wholeRegion) {
                scope = Scope.REGIONAL;
                reasoning = "Vous visez la région " + region.label() + " : champ régional.";
            } else {
                scope = Scope.LOCAL;
                reasoning = "Les territoires cités (" + String.join(", ", r.getTerritories()) + ") sont tous en "
                        + region.label() + ", sans couvrir toute la région : champ local (infrarégional).";
            }
        } else {
            scope = null;
            reasoning = null;
        }
        r.setScope(scope);
        r.setScopeReasoning(reasoning == null ? null
                : reasoning + " Le comité technique (CTIS) fixe le champ définitif et peut le modifier.");
        List<FundLine> funds = new ArrayList<>();
        if (scope == null) {
            r.setDestination(null);
        } else if (scope.goesToArs()) {
            r.setDestination(Destination.ars(regions.iterator().next()));
            funds.add(new FundLine(Fund.FIR, "Crédits d’amorçage et d’ingénierie du projet (fonds d’intervention régional, géré par l’ARS)."));
            funds.add(new FundLine(Fund.FISS, "Prestations dérogatoires et évaluation (fonds pour l’innovation du système de santé, géré par la CNAM)."));
        } else {
            r.setDestination(Destination.rapporteurGeneral());
            funds.add(new FundLine(Fund.FISS, "Prestations dérogatoires, évaluation, et ingénierie et amorçage des projets nationaux"
                    + (scope == Scope.INTERREGIONAL ? " (pour un projet interrégional, le financement de l’ingénierie est à confirmer avec l’équipe nationale)." : ".")));
        }
        if (r.getSignals().contains(Signal.DEPARTMENT_COFUNDING) || r.getSignals().contains(Signal.MEDICO_SOCIAL)) {
            if (scope != null) {
                funds.add(new FundLine(null, "Médico-social : un cofinancement par le département suppose son accord (à confirmer avec le conseil départemental)."));
            }
        }
        r.setFunds(funds);
    }

    private static String labels(Set<Region> regions) {
        return regions.stream().map(Region::label).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- purposes and categories

    static void purposesAndCategories(ProjectRecord r) {
        Set<Signal> s = r.getSignals();
        List<String> models = r.getPaymentModels();
        List<String> settings = r.getSettings();
        boolean products = s.contains(Signal.HEALTH_PRODUCTS);
        List<String> purposes = new ArrayList<>();
        if (s.contains(Signal.COORDINATION) || r.getProfessionals().size() >= 2) {
            purposes.add("I 1° a)");
        }
        if (models.stream().anyMatch(m -> m.contains("épisode"))) {
            purposes.add("I 1° b)");
        }
        if (settings.stream().anyMatch(x -> x.contains("MSP") || x.equals("CPTS") || x.equals("centre de santé") || x.equals("SISA"))) {
            purposes.add("I 1° c)");
        }
        if (s.contains(Signal.UNDERSERVED_AREA)) {
            purposes.add("I 1° d)");
        }
        if (products) {
            purposes.add(settings.stream().anyMatch(x -> x.startsWith("hôpital")) ? "I 2° a)" : "I 2° b)");
        }
        r.setPurposes(purposes);

        List<String> cats = new ArrayList<>();
        if (models.contains("forfait") || models.contains("capitation")) {
            cats.add("I-1-a");
        }
        if (models.stream().anyMatch(m -> m.contains("épisode"))) {
            cats.add("I-1-b");
        }
        if (models.stream().anyMatch(m -> m.startsWith("intéressement"))) {
            cats.add("I-1-c");
        }
        if (models.stream().anyMatch(m -> m.startsWith("partage") || m.startsWith("rémunération d’équipe"))
                || settings.contains("SISA") || settings.contains("GCS")) {
            cats.add("I-1-d");
        }
        boolean kept = !r.keptDerogations().isEmpty();
        if (kept && (r.getProfessionals().size() >= 2 || s.contains(Signal.COMPETENCES) || has(r, "II-1-c"))) {
            cats.add("I-2-a");
        }
        boolean hospital = settings.stream().anyMatch(x -> x.startsWith("hôpital"));
        boolean outside = settings.stream().anyMatch(x -> !x.startsWith("hôpital") && !x.startsWith("télé"));
        if (kept && hospital && outside) {
            cats.add("I-2-b");
        }
        if (kept && (s.contains(Signal.TELESURVEILLANCE) || s.contains(Signal.TELEMEDICINE))) {
            cats.add("I-2-c");
        }
        if (products) {
            cats.add(hospital ? "II-1" : "II-2");
        }
        r.setCategories(cats);
    }

    static boolean has(ProjectRecord r, String code) {
        return r.keptDerogations().stream().anyMatch(d -> d.getCode().equals(code));
    }

    // ---------------------------------------------------------------- eligibility screen

    static void checks(ProjectRecord r) {
        Set<Signal> s = r.getSignals();
        List<Derogation> kept = r.keptDerogations();
        List<EligibilityCheck> c = new ArrayList<>();
        boolean noChange = s.contains(Signal.NO_CHANGE);
        boolean paymentAsked = r.hasPaymentInfo() || noChange || r.getSkipped().contains(fr.atelier51.assistant.domain.Step.PAYMENT);

        // E1 — at least one derogation
        if (!kept.isEmpty()) {
            c.add(check("E1", "Déroger à au moins une règle du II de L.162-31-1", CheckStatus.PASSED, true,
                    kept.size() + " dérogation(s) retenue(s) : " + kept.stream().map(Derogation::getReference).collect(Collectors.joining(", ")) + ".",
                    null, L162_31_1));
        } else if (noChange || (paymentAsked && !r.getDerogations().isEmpty())) {
            c.add(check("E1", "Déroger à au moins une règle du II de L.162-31-1", CheckStatus.FAILED, true,
                    "Le projet ne déroge à aucune règle de financement ou d’organisation : il ne relève pas de l’article 51.",
                    "Le droit commun suffit : financement habituel, ou crédits du fonds d’intervention régional (FIR) et appels à projets de votre ARS.",
                    L162_31_1));
        } else {
            c.add(check("E1", "Déroger à au moins une règle du II de L.162-31-1", CheckStatus.TO_CLARIFY, true,
                    "Aucune dérogation identifiée pour l’instant : dites ce qui, dans le financement ou l’organisation, doit changer.",
                    null, L162_31_1));
        }
        // E2 — purpose
        c.add(r.getPurposes().isEmpty()
                ? check("E2", "Finalité prévue au I de L.162-31-1", CheckStatus.TO_CLARIFY, true,
                "La finalité n’est pas encore claire (coordination du parcours, séquence de soins, exercice coordonné, accès aux soins, produits de santé).", null, L162_31_1)
                : check("E2", "Finalité prévue au I de L.162-31-1", CheckStatus.PASSED, true,
                "Finalité(s) : " + String.join(", ", r.getPurposes()) + ".", null, L162_31_1));
        // E3 — duration
        if (r.getDurationMonths() != null) {
            c.add(check("E3", "Durée de 5 ans au plus", CheckStatus.PASSED, true, r.getDurationMonths() + " mois.", null, R_AUTH));
        } else {
            c.add(check("E3", "Durée de 5 ans au plus", CheckStatus.TO_CLARIFY, true,
                    r.getDurationNote() != null ? r.getDurationNote() : "Durée pas encore indiquée.",
                    r.getDurationNote() != null ? "Ramenez la durée à 60 mois au plus." : null, R_AUTH));
        }
        // E4 — II 2° only if indispensable
        List<Derogation> organisation = kept.stream().filter(d -> d.getCode().startsWith("II-2")).toList();
        if (organisation.isEmpty()) {
            c.add(check("E4", "Dérogations au Code de la santé publique seulement si indispensables", CheckStatus.PASSED, false,
                    "Non concerné : aucune dérogation du II 2°.", null, L162_31_1));
        } else {
            boolean justified = organisation.stream().allMatch(d -> d.getJustification() != null && !d.getJustification().isBlank());
            c.add(check("E4", "Dérogations au Code de la santé publique seulement si indispensables",
                    justified ? CheckStatus.PASSED : CheckStatus.TO_CLARIFY, false,
                    justified ? "Chaque dérogation du II 2° est justifiée par le porteur."
                            : "Expliquez pourquoi chaque dérogation du II 2° est indispensable (" + refs(organisation) + ").",
                    null, L162_31_1));
        }
        // E5 — HAS opinion
        List<Derogation> has = kept.stream().filter(Derogation::isHasOpinion).toList();
        c.add(has.isEmpty()
                ? check("E5", "Avis de la HAS pour les dérogations II 2° b, c, d, e, j", CheckStatus.PASSED, false,
                "Aucune dérogation retenue n’exige l’avis de la HAS.", null, R_HAS)
                : check("E5", "Avis de la HAS pour les dérogations II 2° b, c, d, e, j", CheckStatus.TO_CLARIFY, false,
                "Avis de la HAS requis pour " + refs(has) + " : 2 mois, et son silence vaut avis défavorable. Prévoyez ce délai.", null, R_HAS));
        // E6 — routing
        c.add(r.getScope() == null
                ? check("E6", "Déposer au bon destinataire", CheckStatus.TO_CLARIFY, false,
                "Champ territorial pas encore connu : citez les départements, régions, ou « national ».", null, R_ROUTING)
                : check("E6", "Déposer au bon destinataire", CheckStatus.PASSED, false,
                "Champ " + r.getScope().label() + " → " + r.getDestination().name() + ".", null, R_ROUTING));
        // E7 — product purpose
        c.add(s.contains(Signal.HEALTH_PRODUCTS)
                ? check("E7", "Projet « produits de santé » (I 2°)", CheckStatus.TO_CLARIFY, false,
                "Selon notre lecture de R.162-50-5 IV (non confirmée), ces projets passent par un membre du CTIS : contactez l’équipe nationale en amont.", null, R_ROUTING)
                : check("E7", "Projet « produits de santé » (I 2°)", CheckStatus.PASSED, false, "Non concerné.", null, R_ROUTING));
        // E8 — technology alone
        c.add(s.contains(Signal.TECHNOLOGY_ONLY)
                ? check("E8", "Pas une technologie seule ni un accès précoce au marché", CheckStatus.FAILED, true,
                "Le projet cherche surtout le remboursement ou la mise sur le marché d’un produit ou d’un outil.",
                "Décrivez l’organisation des soins que l’outil rend possible (qui fait quoi, pour quels patients, avec quel financement) ; pour le remboursement d’un produit, voyez le forfait innovation (CSS L.165-1-1) et le guichet G_NIUS.",
                NOTE_ELIGIBILITY)
                : check("E8", "Pas une technologie seule ni un accès précoce au marché", CheckStatus.PASSED, true, "Rien n’indique un projet centré sur un produit seul.", null, NOTE_ELIGIBILITY));
        // E9 — not a duplicate, innovative
        if (s.contains(Signal.ALREADY_FUNDED)) {
            c.add(check("E9", "Innovant, sans doublon d’une expérimentation existante", CheckStatus.FAILED, true,
                    "L’action existe déjà et est déjà financée : elle n’est pas innovante au sens du dispositif.",
                    "Cherchez un financement de droit commun ou auprès de votre ARS (FIR) ; si vous changez réellement l’organisation ou le financement, décrivez ce qui est nouveau.",
                    NOTE_ELIGIBILITY));
        } else {
            c.add(check("E9", "Innovant, sans doublon d’une expérimentation existante", CheckStatus.TO_CLARIFY, false,
                    s.contains(Signal.SIMILAR_EXISTS) ? "Une expérimentation proche existe : montrez ce que votre projet apporte de nouveau, ou voyez si vous pouvez la rejoindre."
                            : "À vérifier vous-même : consultez les expérimentations nationales et celles de votre ARS.", null, NOTE_ELIGIBILITY));
        }
        // E10 — holder
        c.add(s.contains(Signal.INDIVIDUAL_HOLDER)
                ? check("E10", "Porteur : une personne morale", CheckStatus.TO_CLARIFY, false,
                "Un professionnel seul, sans structure, peut-il déposer ? Ce n’est pas confirmé : faites porter le projet par une structure (association, MSP, SISA, établissement).", null, NOTE_ELIGIBILITY)
                : check("E10", "Porteur : une personne morale", s.contains(Signal.LEGAL_PERSON) ? CheckStatus.PASSED : CheckStatus.TO_CLARIFY, false,
                s.contains(Signal.LEGAL_PERSON) ? "Une structure porte le projet." : "Quelle structure portera le projet ? (toute personne morale, quel que soit son statut)", null, NOTE_ELIGIBILITY));
        // E11 — completeness
        List<String> missing = new ArrayList<>();
        if (r.getDurationMonths() == null) missing.add("durée");
        if (r.getCategories().isEmpty()) missing.add("catégorie");
        if (kept.isEmpty()) missing.add("dérogations");
        if (r.getScope() == null) missing.add("champ territorial");
        if (r.getEvaluationIdeas().isEmpty()) missing.add("évaluation");
        if (r.getPopulation() == null) missing.add("population");
        c.add(check("E11", "Contenu minimal du cahier des charges (R.162-50-6)", missing.isEmpty() ? CheckStatus.PASSED : CheckStatus.TO_CLARIFY, false,
                missing.isEmpty() ? "Les éléments principaux sont réunis ; restent à écrire les données, le financement chiffré et les liens d’intérêts."
                        : "Manque encore : " + String.join(", ", missing) + ".", null, R_CONTENT));
        // E12, E13 — reminders
        c.add(check("E12", "Déclarations de liens d’intérêts", CheckStatus.TO_CLARIFY, false,
                "À prévoir : les participants nommés déclarent à l’ARS leurs liens des 5 dernières années avec les industries de santé.", null, R_LINKS));
        c.add(check("E13", "Information des patients et partage des données", CheckStatus.TO_CLARIFY, false,
                "À prévoir : l’information des patients et les données recueillies doivent figurer au cahier des charges.", null, R_PATIENTS));
        // E14 — telesurveillance
        c.add(s.contains(Signal.TELESURVEILLANCE)
                ? check("E14", "Télésurveillance : procédure de l’article 51", CheckStatus.TO_CLARIFY, false,
                "Les actes de télésurveillance de l’expérimentation suivent la procédure et le financement de l’article 51 (L.162-31-1 IV) ; la télésurveillance est aussi entrée dans le droit commun : vérifiez ce qui a encore besoin d’une dérogation.", null, NOTE_TELE)
                : check("E14", "Télésurveillance : procédure de l’article 51", CheckStatus.PASSED, false, "Non concerné.", null, NOTE_TELE));
        // E15 — médico-social
        c.add(s.contains(Signal.MEDICO_SOCIAL)
                ? check("E15", "Médico-social (CASF L.312-1)", CheckStatus.TO_CLARIFY, false,
                "Dérogations possibles au titre du II 3° ; un cofinancement par le département suppose son accord : associez le conseil départemental tôt.", null, NOTE_ELIGIBILITY)
                : check("E15", "Médico-social (CASF L.312-1)", CheckStatus.PASSED, false, "Non concerné.", null, NOTE_ELIGIBILITY));

        // Seed documents' exclusions
        boolean competencesOnly = s.contains(Signal.COMPETENCES) && !kept.isEmpty()
                && kept.stream().allMatch(d -> d.getCode().equals("II-2-j"));
        if (competencesOnly && (noChange || r.getPaymentModels().isEmpty() && paymentAsked)) {
            c.add(check("HC-COMPETENCES", "Pas seulement un changement de compétences", CheckStatus.FAILED, true,
                    "Le projet ne change que la répartition des actes entre professionnels, sans changer le financement ni l’organisation.",
                    "La voie prévue est un protocole de coopération entre professionnels de santé (CSP, art. L.4011-1 et suivants, numéros à vérifier). Le II 2° j) ne joue qu’à l’intérieur d’un projet plus large.",
                    COOPERATION));
        } else {
            c.add(check("HC-COMPETENCES", "Pas seulement un changement de compétences",
                    competencesOnly ? CheckStatus.TO_CLARIFY : CheckStatus.PASSED, competencesOnly,
                    competencesOnly ? "Seule une dérogation de compétences est identifiée : le financement ou l’organisation changent-ils aussi ?"
                            : "Le projet ne se limite pas aux compétences.", null, NOTE_ELIGIBILITY));
        }
        c.add(s.contains(Signal.FUNDING_ONLY)
                ? check("HC-FINANCEMENT", "Pas une simple demande de financement", CheckStatus.FAILED, true,
                "Le projet demande surtout de financer des prestations, sans organisation nouvelle.",
                "Cherchez un financement de droit commun, les crédits FIR ou un appel à projets de votre ARS ; revenez vers l’article 51 si vous changez l’organisation des soins.",
                NOTE_ELIGIBILITY)
                : check("HC-FINANCEMENT", "Pas une simple demande de financement", CheckStatus.PASSED, true, "Le projet porte une organisation, pas seulement une demande de crédits.", null, NOTE_ELIGIBILITY));
        c.add(s.contains(Signal.NARROW)
                ? check("HC-LIMITE", "Effet transposable, pas limité à une situation particulière", CheckStatus.FAILED, true,
                "L’effet resterait cantonné à une situation très particulière.",
                "Montrez ce qui est reproductible ailleurs (protocoles, modèle de financement, outils) ; pour un besoin purement local, un financement régional classique (FIR) est plus adapté.",
                NOTE_ELIGIBILITY)
                : check("HC-LIMITE", "Effet transposable, pas limité à une situation particulière", CheckStatus.PASSED, false,
                "Rien n’indique un effet limité ; la reproductibilité sera jugée par le CTIS.", null, NOTE_ELIGIBILITY));
        c.add(s.contains(Signal.NON_CONVENTIONAL_MEDICINE)
                ? check("HC-MNC", "Pas de médecine non conventionnelle", CheckStatus.FAILED, true,
                "Le projet repose sur une pratique de soins non conventionnelle, exclue par la brochure ministérielle.",
                "Ces pratiques ne relèvent pas de l’article 51 ; un projet centré sur des soins validés peut, lui, être présenté.", NOTE_ELIGIBILITY)
                : check("HC-MNC", "Pas de médecine non conventionnelle", CheckStatus.PASSED, true, "Non concerné.", null, NOTE_ELIGIBILITY));
        r.setChecks(c);
        verdict(r);
    }

    private static void verdict(ProjectRecord r) {
        EligibilityCheck failed = r.getChecks().stream().filter(x -> x.status() == CheckStatus.FAILED).findFirst().orElse(null);
        List<EligibilityCheck> open = r.getChecks().stream().filter(x -> x.blocking() && x.status() == CheckStatus.TO_CLARIFY).toList();
        if (failed != null) {
            r.setVerdict(Verdict.OUT_OF_SCOPE);
            r.setVerdictExplanation(failed.reason());
            r.setNextAction(failed.alternative());
        } else if (!open.isEmpty()) {
            r.setVerdict(Verdict.TO_CLARIFY);
            r.setVerdictExplanation("Il reste à préciser : " + open.stream().map(EligibilityCheck::rule).collect(Collectors.joining(" ; ")) + ".");
            r.setNextAction("Continuez l’entretien pour compléter ces points.");
        } else {
            r.setVerdict(Verdict.ELIGIBLE_A_PRIORI);
            r.setVerdictExplanation("Rien ne s’y oppose a priori au vu de ce que vous avez décrit. Ce n’est pas une décision : "
                    + (r.getScope() != null && r.getScope().goesToArs() ? "l’ARS" : "le rapporteur général") + " puis le CTIS en jugeront.");
            r.setNextAction(r.getDestination() == null ? "Précisez le champ territorial, puis rédigez la lettre d’intention."
                    : "Rédigez la lettre d’intention et adressez-la à : " + r.getDestination().name() + ".");
        }
    }

    private static String refs(List<Derogation> list) {
        return list.stream().map(Derogation::getReference).collect(Collectors.joining(", "));
    }

    private static EligibilityCheck check(String id, String rule, CheckStatus status, boolean blocking, String reason,
                                          String alternative, Citation source) {
        return new EligibilityCheck(id, rule, status, blocking, reason, alternative, source);
    }

    static boolean anyProposed(ProjectRecord r) {
        return r.getDerogations().stream().anyMatch(d -> d.getStatus() == DerogationStatus.PROPOSED);
    }
}
