package fr.atelier51.assistant.service;

import fr.atelier51.assistant.domain.Citation;
import fr.atelier51.assistant.domain.Derogation;
import fr.atelier51.assistant.domain.DerogationCatalogue;
import fr.atelier51.assistant.domain.DerogationDefinition;
import fr.atelier51.assistant.domain.DerogationStatus;
import fr.atelier51.assistant.domain.EligibilityCheck;
import fr.atelier51.assistant.domain.FundLine;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.domain.ProjectRecordConverter;
import fr.atelier51.assistant.domain.Scope;
import fr.atelier51.assistant.domain.Signal;
import fr.atelier51.assistant.domain.Step;
import fr.atelier51.assistant.domain.Verdict;
import fr.atelier51.base.service.BusinessException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic interview: one turn = the holder's text + the current record → a new record and the
 * assistant's reply (French) with its sources. Works on a copy: the caller's record is never modified, so a turn
 * that fails leaves nothing half-done. No Spring, no I/O besides the retriever: fast and unit-testable.
 */
public class InterviewEngine {

    public static final int MAX_MESSAGE = 20_000;

    /** The outcome of one turn. */
    public record Turn(ProjectRecord record, String reply, List<Citation> citations, Step step, boolean refused) {
        Turn(ProjectRecord record, String reply, List<Citation> citations, Step step) {
            this(record, reply, citations, step, false);
        }
    }

    private final PassageRetriever retriever;

    public InterviewEngine(PassageRetriever retriever) {
        this.retriever = retriever;
    }

    // ------------------------------------------------------------------------------------------ questions

    public static String question(Step step) {
        return switch (step) {
            case PROBLEM -> "Quel problème voulez-vous résoudre ? Décrivez votre idée en quelques phrases, même approximatives.";
            case POPULATION -> "Quels patients ou usagers sont concernés ?";
            case PROFESSIONALS -> "Quels professionnels interviendraient ?";
            case SETTING -> "Où et comment s’organiserait la prise en charge ?";
            case PAYMENT -> "Qu’est-ce qui doit changer dans le financement ou l’organisation ? Comment voudriez-vous que ce soit payé ?";
            case TERRITORY -> "Sur quels territoires le projet se déroulerait-il ?";
            case DURATION -> "Combien de temps durerait l’expérimentation ? (cinq ans au plus)";
            case DEROGATIONS -> "Confirmez-vous les dérogations proposées ? Répondez « oui » (et si possible pourquoi elles sont nécessaires), « non », ou par exemple « retirer II 1° d) ».";
            case EVALUATION -> "Comment saurez-vous que l’expérimentation fonctionne ? Citez un ou deux indicateurs.";
            case DONE -> "Nous avons fait le tour. Vous pouvez corriger un point à tout moment, ou me poser une question.";
        };
    }

    public static String examples(Step step) {
        return switch (step) {
            case PROBLEM -> "« Nos patients insuffisants cardiaques sont réhospitalisés faute de suivi après la sortie. »";
            case POPULATION -> "personnes âgées fragiles à domicile, enfants en surpoids, femmes enceintes en situation de précarité";
            case PROFESSIONALS -> "infirmières libérales, médecins généralistes, pharmaciens, diététicienne, psychologue";
            case SETTING -> "au domicile, dans une MSP ou une CPTS, entre l’hôpital et la ville, en EHPAD, par télésurveillance";
            case PAYMENT -> "un forfait par patient et par an au lieu du paiement à l’acte ; un paiement à l’épisode ; un partage d’honoraires ; la prise en charge de séances de diététicien ; ou « rien ne change »";
            case TERRITORY -> "« l’Hérault et le Gard », « toute la Bretagne », « Occitanie et Nouvelle-Aquitaine », « national »";
            case DURATION -> "18 mois, 3 ans";
            case DEROGATIONS -> "« oui, sans forfait les infirmières ne peuvent pas être payées pour la coordination »";
            case EVALUATION -> "taux de réhospitalisation à 30 jours, passages aux urgences, satisfaction des patients, coût par patient";
            case DONE -> "« faut-il l’avis de la HAS ? », « à qui envoyer la lettre ? »";
        };
    }

    public static String greeting() {
        return "Bonjour ! Je vais vous aider à situer votre idée dans le dispositif « article 51 » (expérimentations pour "
                + "l’innovation en santé) : les dérogations nécessaires, le champ territorial, le destinataire de la lettre "
                + "d’intention et l’éligibilité. Vous pouvez tout décrire en un seul message, ou répondre question par "
                + "question ; vous pouvez aussi me poser une question à tout moment.\n\n" + ask(Step.PROBLEM);
    }

    private static String ask(Step step) {
        String q = question(step) + "\nPar exemple : " + examples(step);
        return step == Step.DONE ? q : q + "\n(Répondez « je ne sais pas » pour passer.)";
    }

    // ------------------------------------------------------------------------------------------ a turn

    public Turn reply(ProjectRecord current, String rawText) {
        ProjectRecord r = ProjectRecordConverter.copy(current == null ? new ProjectRecord() : current);
        Step step = r.getCurrentStep() == null ? Step.PROBLEM : r.getCurrentStep();
        String text = rawText == null ? "" : rawText.replace('\u0000', ' ');
        List<String> out = new ArrayList<>();
        Set<Citation> cites = new LinkedHashSet<>();

        if (text.isBlank()) {
            out.add("Je n’ai rien reçu : votre message est vide.");
            out.add(ask(step));
            return new Turn(r, String.join("\n\n", out), List.of(), step, true);
        }
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE);
            out.add("Votre message est très long : j’en ai lu les " + MAX_MESSAGE + " premiers caractères.");
        }
        Extraction x = Extractor.extract(text, step);
        if (x.english) {
            out.add("Je réponds en français (vous pouvez écrire en anglais, mais je comprends mieux le français).");
        }
        if (x.injection) {
            out.add("Je ne peux pas changer mes règles, ni déclarer un projet éligible sur demande : le verdict découle des "
                    + "règles de l’article 51 appliquées à ce que vous décrivez. Je n’ai rien modifié dans la fiche du projet.");
            out.add(ask(step));
            return new Turn(ProjectRecordConverter.copy(current == null ? new ProjectRecord() : current),
                    String.join("\n\n", out), List.of(), step, true);
        }

        Verdict verdictBefore = current == null ? Verdict.TO_CLARIFY : current.getVerdict();
        Scope scopeBefore = r.getScope();
        boolean answeredStep = false;

        // 1. The holder skips the current question.
        if (x.skip && step != Step.DONE) {
            r.getSkipped().add(step);
            out.add("D’accord, nous y reviendrons plus tard.");
            answeredStep = true;
        }

        // 2. Commands on derogations, and the answer to the derogation review.
        answeredStep |= derogationCommands(r, text, x, step, out);

        // 3. Facts found anywhere in the message.
        List<String> noted = new ArrayList<>();
        List<Derogation> proposed = new ArrayList<>();
        if (!x.skip) {
            merge(r, x, step, text, noted, proposed, out, cites);
        }
        Rules.apply(r);

        // 4. A free question: answer it from the sources, then come back to the interview.
        if (x.question && !x.skip) {
            answer(text, r, out, cites);
        }

        if (!noted.isEmpty()) {
            out.add("J’ai noté : " + String.join(" ; ", noted) + ".");
        }
        if (!proposed.isEmpty()) {
            StringBuilder sb = new StringBuilder("Au vu de ce que vous décrivez, je vous propose "
                    + (proposed.size() == 1 ? "cette dérogation" : "ces dérogations") + " (CSS, art. L.162-31-1) :");
            for (Derogation d : proposed) {
                sb.append("\n• ").append(d.getReference()).append(" — ").append(d.getTitle()).append(" : permet de ")
                        .append(d.getExplanation()).append(". Ici : ").append(d.getReason()).append('.');
                if (d.isHasOpinion()) {
                    sb.append(" ⚠ Avis préalable de la HAS requis (CSS, art. R.162-50-8).");
                    cites.add(Rules.R_HAS);
                }
                if (d.getCode().startsWith("II-2")) {
                    sb.append(" Dérogation d’organisation : possible seulement si elle est indispensable.");
                }
            }
            out.add(sb.toString());
            cites.add(Rules.L162_31_1);
            cites.add(Rules.NOTE_DEROGATIONS);
        }
        if (r.getScope() != null && r.getScope() != scopeBefore) {
            out.add(scopeText(r));
            cites.add(Rules.R_ROUTING);
            cites.add(Rules.NOTE_SCOPE);
            cites.add(Rules.NOTE_FUNDS);
        }
        if (r.getVerdict() != verdictBefore || (r.getVerdict() == Verdict.OUT_OF_SCOPE && answeredStep)) {
            out.add(verdictText(r));
            r.getChecks().stream().filter(c -> c.status() == fr.atelier51.assistant.domain.CheckStatus.FAILED)
                    .map(EligibilityCheck::source).filter(Objects::nonNull).forEach(cites::add);
            cites.add(Rules.NOTE_ELIGIBILITY);
        }
        if (!answeredStep && noted.isEmpty() && proposed.isEmpty() && !x.question && !x.hasFacts()) {
            out.add("Je n’ai pas bien compris. Pouvez-vous reformuler ?");
        }

        Step next = nextStep(r);
        r.setCurrentStep(next);
        r.setTurns(r.getTurns() + 1);
        if (next == Step.DEROGATIONS) {
            out.add(derogationReview(r));
        }
        if (next == Step.DONE) {
            out.add(summary(r));
            cites.add(Rules.L162_31_1);
            cites.add(Rules.R_ROUTING);
            cites.add(Rules.NOTE_ELIGIBILITY);
        }
        out.add(ask(next));
        out.removeIf(String::isEmpty);
        return new Turn(r, String.join("\n\n", out), distinctByUrl(cites), next);
    }

    /** One link per target: the first label given for a URL wins. */
    private static List<Citation> distinctByUrl(Set<Citation> cites) {
        java.util.Map<String, Citation> byUrl = new java.util.LinkedHashMap<>();
        for (Citation c : cites) {
            byUrl.putIfAbsent(c.url() == null ? c.label() : c.url(), c);
        }
        return List.copyOf(byUrl.values());
    }

    // ------------------------------------------------------------------------------------------ merge

    private static void merge(ProjectRecord r, Extraction x, Step step, String text, List<String> noted,
                              List<Derogation> proposed, List<String> out, Set<Citation> cites) {
        boolean free = !x.question && !x.skip && !x.yes && !x.no && x.durationMonths == null
                && (x.territories == null || x.territories.isEmpty()) && x.derogations.isEmpty();
        String firstSentences = firstSentences(text);
        // Problem
        boolean story = !x.question && !x.skip && !x.yes && !x.no;
        if (r.getProblem() == null && story && (step == Step.PROBLEM || text.length() >= 120) && words(text) >= 3) {
            r.setProblem(firstSentences);
            noted.add("le problème");
        }
        // Population
        if (!x.population.isEmpty()) {
            String pop = String.join(", ", x.population);
            if (r.getPopulation() == null) {
                r.setPopulation(pop);
                noted.add("la population (" + pop + ")");
            }
        } else if (r.getPopulation() == null && step == Step.POPULATION && free && words(text) >= 1) {
            r.setPopulation(text.strip());
            noted.add("la population");
        }
        // Professionals, settings, payment
        addAll(r.getProfessionals(), x.professionals, "les professionnels", noted);
        addAll(r.getSettings(), x.settings, "l’organisation", noted);
        if (x.settings.isEmpty() && r.getOrganisation() == null && step == Step.SETTING && free && words(text) >= 2) {
            r.setOrganisation(text.strip());
            noted.add("l’organisation");
        }
        addAll(r.getPaymentModels(), x.paymentModels, "le financement", noted);
        if (step == Step.PAYMENT && x.paymentModels.isEmpty() && r.getPaymentChange() == null) {
            if (x.no || x.signals.contains(Signal.NO_CHANGE) || Text.fold(text).matches("\\s*(rien|aucun\\w*|pas de changement|rien ne change|ca ne change pas)\\b.*")) {
                r.getSignals().add(Signal.NO_CHANGE);
                r.setPaymentChange("aucun changement de financement ni d’organisation");
                noted.add("aucun changement de financement");
            } else if (story && words(text) >= 2) {
                r.setPaymentChange(text.strip());
                noted.add("le changement attendu");
            }
        }
        // Signals
        r.getSignals().addAll(x.signals);
        // Territories
        Territories.Result t = x.territories;
        if (t != null) {
            for (Territories.Hit hit : t.hits()) {
                if (!r.getTerritories().contains(hit.label())) {
                    r.getTerritories().add(hit.label());
                    noted.add("territoire " + hit.label() + (hit.wholeRegion() ? "" : " → région " + hit.region().label()));
                }
                r.getRegions().add(hit.region());
            }
            if (t.national() && !r.isNational()) {
                r.setNational(true);
                noted.add("déploiement national");
            }
            if (t.multiRegion() && !r.isMultiRegion()) {
                r.setMultiRegion(true);
                noted.add("plusieurs régions");
            }
            if (t.regionalWord() && t.regions().size() == 1 && !r.getTerritories().contains("toute la région")) {
                r.getTerritories().add("toute la région");
            }
        }
        if (step == Step.TERRITORY && story && (t == null || t.isEmpty())
                && Text.fold(text).matches(".*\\b(regional\\w*|local\\w*)\\b.*")) {
            out.add("Dans quelle région (ou quels départements) ? Le destinataire en dépend.");
        }
        // Duration
        if (x.durationMonths != null) {
            int months = x.durationMonths;
            if (months > Rules.MAX_MONTHS) {
                r.setDurationMonths(null);
                r.setDurationNote(months + " mois proposés : une expérimentation dure cinq ans (60 mois) au plus.");
                out.add("Je ne peux pas retenir " + months + " mois : une expérimentation article 51 dure au plus cinq ans "
                        + "(CSS, art. L.162-31-1, I ; l’arrêté d’autorisation fixe la durée, art. R.162-50-9). "
                        + "Pouvez-vous ramener la durée à 60 mois au plus ?");
                cites.add(Rules.L162_31_1);
                cites.add(Rules.R_AUTH);
            } else if (!Integer.valueOf(months).equals(r.getDurationMonths())) {
                r.setDurationMonths(months);
                r.setDurationNote(null);
                noted.add("durée " + months + " mois");
            }
        } else if (step == Step.DURATION && story) {
            out.add("Je n’ai pas trouvé de durée dans votre réponse : indiquez-la en mois ou en années (par exemple « 18 mois »).");
        }
        // Evaluation
        for (String idea : x.evaluationIdeas) {
            if (r.getEvaluationIdeas().size() < 10 && !r.getEvaluationIdeas().contains(ProjectRecord.clip(idea))) {
                r.getEvaluationIdeas().add(ProjectRecord.clip(idea));
                if (!noted.contains("des idées d’évaluation")) {
                    noted.add("des idées d’évaluation");
                }
            }
        }
        if (step == Step.EVALUATION && x.evaluationIdeas.isEmpty() && free && words(text) >= 2) {
            r.getEvaluationIdeas().add(ProjectRecord.clip(text));
            noted.add("des idées d’évaluation");
        }
        // Derogations suggested by the facts (never re-proposed once the holder rejected them)
        x.derogations.forEach((code, reason) -> {
            if (r.getDerogations().stream().noneMatch(d -> d.getCode().equals(code))) {
                Derogation d = Derogation.proposed(DerogationCatalogue.get(code), reason);
                r.getDerogations().add(d);
                proposed.add(d);
            }
        });
    }

    private static void addAll(List<String> target, Set<String> found, String what, List<String> noted) {
        boolean added = false;
        for (String f : found) {
            if (!target.contains(f)) {
                target.add(f);
                added = true;
            }
        }
        if (added) {
            noted.add(what + " (" + String.join(", ", found) + ")");
        }
    }

    private static int words(String text) {
        return text.strip().isEmpty() ? 0 : text.strip().split("\\s+").length;
    }

    private static String firstSentences(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        Matcher m = Pattern.compile("^(.{20,400}?[.!?])(\\s|$)").matcher(s);
        String first = m.find() ? m.group(1) : s;
        return first.length() > 500 ? first.substring(0, 499) + "…" : first;
    }

    // ------------------------------------------------------------------------------------------ derogations

    private static final Pattern REF = Pattern.compile("\\b(?:ii\\s*)?([123])\\s*°\\s*([a-o])?\\b\\)?");
    private static final Pattern REMOVE = Pattern.compile("\\b(retir\\w*|enlev\\w*|supprim\\w*|rejet\\w*|refus\\w*|sans|pas (de |la |le )?)");
    private static final Pattern ADD = Pattern.compile("\\b(ajout\\w*|rajout\\w*|ajoute)\\b");

    private boolean derogationCommands(ProjectRecord r, String text, Extraction x, Step step, List<String> out) {
        String f = Text.fold(text);
        List<String> codes = new ArrayList<>();
        Matcher m = REF.matcher(f);
        while (m.find()) {
            String code = m.group(1).equals("3") ? "II-3" : m.group(2) == null ? null : "II-" + m.group(1) + "-" + m.group(2);
            if (code != null && DerogationCatalogue.byCode(code).isPresent()) {
                codes.add(code);
            }
        }
        boolean handled = false;
        if (!codes.isEmpty() && ADD.matcher(f).find()) {
            for (String code : codes) {
                Derogation d = findOrAdd(r, code, "ajoutée par le porteur");
                d.setStatus(DerogationStatus.CONFIRMED);
                out.add("J’ajoute " + d.getReference() + " — " + d.getTitle() + (d.isHasOpinion() ? " (avis de la HAS requis)." : "."));
            }
            handled = true;
        } else if (!codes.isEmpty() && REMOVE.matcher(f).find()) {
            for (String code : codes) {
                r.getDerogations().stream().filter(d -> d.getCode().equals(code)).forEach(d -> {
                    d.setStatus(DerogationStatus.REJECTED);
                    out.add("Je retire " + d.getReference() + ".");
                });
            }
            handled = true;
        }
        if (step == Step.DEROGATIONS) {
            if (x.yes) {
                String justification = Text.fold(text).length() > 12 ? text.strip().replaceFirst("(?i)^\\s*(oui|ok|d[’']accord|je confirme)[\\s,.:;!-]*", "") : null;
                for (Derogation d : r.getDerogations()) {
                    if (d.getStatus() == DerogationStatus.PROPOSED) {
                        d.setStatus(DerogationStatus.CONFIRMED);
                        if (justification != null && justification.length() >= 5) {
                            d.setJustification(ProjectRecord.clip(justification));
                        }
                    }
                }
                out.add("C’est noté : les dérogations proposées sont confirmées" + (justification != null && justification.length() >= 5 ? ", avec votre justification." : "."));
                handled = true;
            } else if (x.no && codes.isEmpty()) {
                r.getDerogations().stream().filter(d -> d.getStatus() == DerogationStatus.PROPOSED)
                        .forEach(d -> d.setStatus(DerogationStatus.REJECTED));
                out.add("C’est noté : je retire les dérogations proposées.");
                handled = true;
            } else if (handled) {
                // Confirm what remains proposed after explicit removals ("retirer II 1° d)" means the rest is fine).
                r.getDerogations().stream().filter(d -> d.getStatus() == DerogationStatus.PROPOSED)
                        .forEach(d -> d.setStatus(DerogationStatus.CONFIRMED));
            }
        }
        return handled;
    }

    private static Derogation findOrAdd(ProjectRecord r, String code, String reason) {
        return r.getDerogations().stream().filter(d -> d.getCode().equals(code)).findFirst().orElseGet(() -> {
            Derogation d = Derogation.proposed(DerogationCatalogue.get(code), reason);
            r.getDerogations().add(d);
            return d;
        });
    }

    /** Confirms (or adds) a derogation with the holder's justification; recomputes the record. */
    public ProjectRecord confirm(ProjectRecord current, String code, String justification) {
        DerogationDefinition def = DerogationCatalogue.byCode(code)
                .orElseThrow(() -> new BusinessException("assistant.error.unknown-derogation", String.valueOf(code)));
        ProjectRecord r = ProjectRecordConverter.copy(current);
        boolean blank = justification == null || justification.isBlank();
        Derogation existing = r.getDerogations().stream().filter(x -> x.getCode().equals(def.code())).findFirst().orElse(null);
        if (blank && existing == null) {
            // Added by hand: nothing the holder said explains it yet.
            throw new BusinessException("assistant.error.justification-required", def.reference());
        }
        if (blank && def.organisation() && existing.getJustification() == null) {
            // II 2° items are allowed only when indispensable: the holder must say why.
            throw new BusinessException("assistant.error.justification-indispensable", def.reference());
        }
        Derogation d = findOrAdd(r, def.code(), "ajoutée par le porteur");
        d.setStatus(DerogationStatus.CONFIRMED);
        if (justification != null && !justification.isBlank()) {
            d.setJustification(ProjectRecord.clip(justification));
        }
        Rules.apply(r);
        r.setCurrentStep(nextStep(r));
        return r;
    }

    public ProjectRecord reject(ProjectRecord current, String code) {
        DerogationDefinition def = DerogationCatalogue.byCode(code)
                .orElseThrow(() -> new BusinessException("assistant.error.unknown-derogation", String.valueOf(code)));
        ProjectRecord r = ProjectRecordConverter.copy(current);
        Derogation d = r.getDerogations().stream().filter(x -> x.getCode().equals(def.code())).findFirst()
                .orElseThrow(() -> new BusinessException("assistant.error.derogation-not-in-record", def.reference()));
        d.setStatus(DerogationStatus.REJECTED);
        Rules.apply(r);
        r.setCurrentStep(nextStep(r));
        return r;
    }

    /** A correction by hand of the record's facts; a null field is left as it is, a blank text clears it. */
    public record Correction(String problem, String population, String organisation, String paymentChange,
                             List<String> territories, Integer durationMonths, List<String> evaluationIdeas) {
    }

    public ProjectRecord correct(ProjectRecord current, Correction c) {
        ProjectRecord r = ProjectRecordConverter.copy(current);
        if (c.problem() != null) r.setProblem(blankToNull(c.problem()));
        if (c.population() != null) r.setPopulation(blankToNull(c.population()));
        if (c.organisation() != null) r.setOrganisation(blankToNull(c.organisation()));
        if (c.paymentChange() != null) r.setPaymentChange(blankToNull(c.paymentChange()));
        if (c.territories() != null) {
            r.setTerritories(List.of());
            r.setRegions(Set.of());
            r.setNational(false);
            r.setMultiRegion(false);
            for (String name : c.territories()) {
                if (name == null || name.isBlank()) {
                    continue;
                }
                Territories.Result t = Territories.find(name.strip(), true);
                if (t.isEmpty()) {
                    throw new BusinessException("assistant.error.territory-unknown", name.strip());
                }
                t.hits().forEach(h -> {
                    if (!r.getTerritories().contains(h.label())) {
                        r.getTerritories().add(h.label());
                    }
                    r.getRegions().add(h.region());
                });
                r.setNational(r.isNational() || t.national());
                r.setMultiRegion(r.isMultiRegion() || t.multiRegion());
            }
        }
        if (c.durationMonths() != null) {
            int months = c.durationMonths();
            if (months <= 0) {
                throw new BusinessException("assistant.error.duration-invalid");
            }
            if (months > Rules.MAX_MONTHS) {
                throw new BusinessException("assistant.error.duration-too-long", months);
            }
            r.setDurationMonths(months);
            r.setDurationNote(null);
        }
        if (c.evaluationIdeas() != null) {
            r.setEvaluationIdeas(c.evaluationIdeas().stream().filter(i -> i != null && !i.isBlank())
                    .map(ProjectRecord::clip).limit(10).toList());
        }
        Rules.apply(r);
        r.setCurrentStep(nextStep(r));
        return r;
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    // ------------------------------------------------------------------------------------------ flow

    static Step nextStep(ProjectRecord r) {
        for (Step s : Step.values()) {
            if (s != Step.DONE && !r.getSkipped().contains(s) && missing(r, s)) {
                return s;
            }
        }
        return Step.DONE;
    }

    static boolean missing(ProjectRecord r, Step s) {
        return switch (s) {
            case PROBLEM -> r.getProblem() == null;
            case POPULATION -> r.getPopulation() == null;
            case PROFESSIONALS -> r.getProfessionals().isEmpty();
            case SETTING -> r.getSettings().isEmpty() && r.getOrganisation() == null;
            case PAYMENT -> !r.hasPaymentInfo() && !r.getSignals().contains(Signal.NO_CHANGE)
                    && !r.getSignals().contains(Signal.FUNDING_ONLY);
            case TERRITORY -> r.getScope() == null;
            case DURATION -> r.getDurationMonths() == null;
            case DEROGATIONS -> Rules.anyProposed(r);
            case EVALUATION -> r.getEvaluationIdeas().isEmpty();
            case DONE -> false;
        };
    }

    // ------------------------------------------------------------------------------------------ texts

    static String scopeText(ProjectRecord r) {
        StringBuilder sb = new StringBuilder(r.getScopeReasoning());
        var dest = r.getDestination();
        if (dest.isRapporteurGeneral()) {
            sb.append("\nDestinataire de la lettre d’intention : le rapporteur général, directement (CSS, art. R.162-50-5).");
        } else {
            sb.append("\nDestinataire de la lettre d’intention : le directeur général de l’").append(dest.region().arsName())
                    .append(" (CSS, art. R.162-50-5) ; site : ").append(dest.site()).append(" (adresse à vérifier).");
        }
        for (FundLine line : r.getFunds()) {
            sb.append("\n• ").append(line.fund() == null ? "" : line.fund() + " : ").append(line.explanation());
        }
        return sb.toString();
    }

    static String verdictText(ProjectRecord r) {
        String head = switch (r.getVerdict()) {
            case OUT_OF_SCOPE -> "⚠ Verdict : hors champ. ";
            case ELIGIBLE_A_PRIORI -> "Verdict : éligible a priori. ";
            case TO_CLARIFY -> "Verdict : à préciser. ";
        };
        String next = r.getNextAction() == null ? "" : (r.getVerdict() == Verdict.OUT_OF_SCOPE ? " À la place : " : " Prochaine étape : ") + r.getNextAction();
        return head + r.getVerdictExplanation() + next;
    }

    private static String derogationReview(ProjectRecord r) {
        StringBuilder sb = new StringBuilder("Dérogations à confirmer :");
        for (Derogation d : r.getDerogations()) {
            if (d.getStatus() == DerogationStatus.PROPOSED) {
                sb.append("\n• ").append(d.getReference()).append(" — ").append(d.getTitle())
                        .append(d.isHasOpinion() ? " (avis de la HAS requis)" : "");
            }
        }
        return sb.toString();
    }

    static String summary(ProjectRecord r) {
        StringBuilder sb = new StringBuilder("Récapitulatif :");
        sb.append("\n• Champ : ").append(r.getScope() == null ? "à préciser" : r.getScope().label())
                .append(r.getDestination() == null ? "" : " → " + r.getDestination().name());
        sb.append("\n• Dérogations : ").append(r.keptDerogations().isEmpty() ? "aucune"
                : String.join(", ", r.keptDerogations().stream().map(d -> d.getReference() + (d.isHasOpinion() ? " (HAS)" : "")).toList()));
        sb.append("\n• Catégories (R.162-50-1) : ").append(r.getCategories().isEmpty() ? "à préciser" : String.join(", ", r.getCategories()));
        sb.append("\n• Durée : ").append(r.getDurationMonths() == null ? "à préciser" : r.getDurationMonths() + " mois");
        sb.append("\n• ").append(verdictText(r));
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------ free questions

    private record Topic(Pattern pattern, String answer, List<Citation> sources) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic(Pattern.compile("\\bfiss\\b|fonds pour l'innovation"),
                    "Le FISS (fonds pour l’innovation du système de santé), géré par la CNAM, finance les prestations dérogatoires des expérimentations, toutes les évaluations, et l’ingénierie et l’amorçage des projets nationaux (CSS, art. L.162-31-1, VI). Il ne remplace pas les financements de droit commun ni le FIR.",
                    List.of(Rules.L162_31_1, Rules.NOTE_FUNDS)),
            new Topic(Pattern.compile("\\bfir\\b|fonds d'intervention regional|amorcage|ingenierie"),
                    "Le FIR (fonds d’intervention régional), géré par l’ARS, finance les crédits d’amorçage et d’ingénierie des projets locaux et régionaux, selon la fiche G_NIUS ; les prestations dérogatoires et l’évaluation relèvent du FISS.",
                    List.of(Rules.NOTE_FUNDS, new Citation("CSP, art. L.1435-8 (Légifrance)", "https://www.legifrance.gouv.fr/search/code?query=L1435-8"))),
            new Topic(Pattern.compile("\\bhas\\b|haute autorite"),
                    "Un avis préalable de la HAS n’est requis que pour les dérogations du II 2° b), c), d), e) et j) de l’article L.162-31-1 (CSS, art. R.162-50-8). La HAS a deux mois et son silence vaut avis défavorable ; pour un projet régional, l’avis doit être favorable (avis conforme, art. R.162-50-9).",
                    List.of(Rules.R_HAS, Rules.R_AUTH, Rules.NOTE_DEROGATIONS)),
            new Topic(Pattern.compile("\\bars\\b|rapporteur|a qui (envoyer|adresser|deposer)|ou (envoyer|deposer|adresser)|destinataire"),
                    "Un projet local ou régional s’adresse au directeur général de l’ARS de la région ; un projet interrégional ou national, directement au rapporteur général (CSS, art. R.162-50-5).",
                    List.of(Rules.R_ROUTING, Rules.NOTE_SCOPE)),
            new Topic(Pattern.compile("duree|combien de temps|5 ans|cinq ans"),
                    "Une expérimentation dure au plus cinq ans (CSS, art. L.162-31-1, I) ; l’arrêté d’autorisation fixe sa durée (art. R.162-50-9).",
                    List.of(Rules.L162_31_1, Rules.R_AUTH)),
            new Topic(Pattern.compile("derog"),
                    "Une dérogation écarte, pour l’expérimentation seulement, une règle de financement (II 1°), d’organisation du Code de la santé publique (II 2°, seulement si indispensable) ou du médico-social (II 3°) listée à l’article L.162-31-1. Un projet doit en comporter au moins une.",
                    List.of(Rules.L162_31_1, Rules.NOTE_DEROGATIONS)),
            new Topic(Pattern.compile("\\bctis\\b|comite technique"),
                    "Le comité technique de l’innovation en santé (CTIS) rend un avis sur chaque projet, son financement et son évaluation, et fixe le champ territorial ; il a trois mois (quatre avec la HAS), et son silence vaut avis favorable (CSS, art. R.162-50-7).",
                    List.of(Citation.article("R.162-50-7"), Citation.note("07-gouvernance-et-delais", "Gouvernance et délais"))),
            new Topic(Pattern.compile("categori"),
                    "Les catégories d’expérimentation sont fixées par l’article R.162-50-1 du CSS : financements au forfait, à l’épisode, modulés par la qualité ou collectifs (I 1°), prestations nouvelles, liens ville-hôpital-médico-social et outils numériques (I 2°), et produits de santé (II).",
                    List.of(Rules.R_CATEGORIES, Rules.NOTE_CATEGORIES)),
            new Topic(Pattern.compile("lettre d'intention|\\bli\\b"),
                    "La lettre d’intention est la première version courte du projet, envoyée à l’ARS (ou au rapporteur général) ; son modèle officiel n’a pas été retrouvé : nos rubriques sont reconstituées à partir du contenu minimal du cahier des charges (CSS, art. R.162-50-6).",
                    List.of(Rules.R_CONTENT, Citation.note("08-rediger-la-lettre-d-intention", "Rédiger la lettre d’intention"))),
            new Topic(Pattern.compile("evalu"),
                    "Toutes les évaluations sont financées par le FISS ; le CTIS fixe le cadre, des évaluateurs externes peuvent intervenir, et le rapport d’évaluation est transmis dans les six mois suivant la fin (CSS, art. R.162-50-14).",
                    List.of(Citation.article("R.162-50-14"), Citation.note("10-evaluation", "Évaluation"))),
            new Topic(Pattern.compile("cooperation|delegation|competence"),
                    "Un projet qui ne change que la répartition des actes entre professionnels relève d’un protocole de coopération (CSP, art. L.4011-1 et suivants, numéros à vérifier) ; à l’intérieur d’un projet plus large, le II 2° j) permet de déroger aux règles de compétence, avec avis de la HAS (CSS, art. R.162-50-8).",
                    List.of(Rules.COOPERATION, Rules.R_HAS, Rules.NOTE_ELIGIBILITY)),
            new Topic(Pattern.compile("eligib|hors champ|exclu"),
                    "Un projet doit déroger à au moins une règle du II de l’article L.162-31-1, poursuivre une finalité du I et durer cinq ans au plus ; sont exclus notamment les projets non innovants, une technologie seule, un simple changement de compétences ou une simple demande de financement.",
                    List.of(Rules.L162_31_1, Rules.NOTE_ELIGIBILITY)),
            new Topic(Pattern.compile("telesurveillance|telemedecine"),
                    "Les expérimentations qui comportent des actes de télésurveillance suivent la procédure et le financement de l’article 51 (CSS, art. L.162-31-1, IV) ; les règles de télémédecine (CSP L.6316-1) font partie des dérogations du II 2° j), avec avis de la HAS.",
                    List.of(Rules.L162_31_1, Rules.NOTE_TELE)));

    private void answer(String text, ProjectRecord r, List<String> out, Set<Citation> cites) {
        String f = Text.fold(text);
        List<String> parts = new ArrayList<>();
        for (Topic t : TOPICS) {
            if (t.pattern.matcher(f).find() && parts.size() < 2) {
                parts.add(t.answer);
                cites.addAll(t.sources);
            }
        }
        if (Pattern.compile("\\bhas\\b|haute autorite").matcher(f).find()) {
            List<Derogation> has = r.keptDerogations().stream().filter(Derogation::isHasOpinion).toList();
            parts.add(r.keptDerogations().isEmpty() ? "Pour votre projet, aucune dérogation n’est encore identifiée : je ne peux pas encore le dire."
                    : has.isEmpty() ? "Pour votre projet, d’après les dérogations retenues, l’avis de la HAS ne serait pas nécessaire."
                    : "Pour votre projet, oui : " + String.join(", ", has.stream().map(Derogation::getReference).toList()) + " l’exige.");
        }
        if (Pattern.compile("\\bars\\b|a qui|destinataire|ou (envoyer|deposer)").matcher(f).find() && r.getDestination() != null) {
            parts.add("Pour votre projet (champ " + r.getScope().label() + ") : " + r.getDestination().name() + ".");
        }
        List<Passage> passages = retriever.retrieve(text.length() > 400 ? text.substring(0, 400) : text, 2);
        if (!passages.isEmpty()) {
            StringBuilder sb = new StringBuilder("Dans la base de connaissances :");
            for (Passage p : passages) {
                sb.append("\n— « ").append(p.snippet()).append(" » (").append(p.label()).append(")");
                cites.add(new Citation(p.label(), p.url()));
            }
            parts.add(sb.toString());
        }
        if (parts.isEmpty()) {
            parts.add("Je n’ai pas trouvé de réponse sourcée à cette question ; reformulez-la ou cherchez dans la base de connaissances.");
        }
        out.add(String.join("\n", parts));
        if (r.getCurrentStep() != null && r.getCurrentStep() != Step.DONE) {
            out.add("Revenons à votre projet.");
        }
    }
}
