package fr.atelier51.letter;

import fr.atelier51.assistant.domain.Derogation;
import fr.atelier51.assistant.domain.DerogationStatus;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.letter.domain.Readiness.Group;
import fr.atelier51.letter.domain.Readiness.Item;
import fr.atelier51.letter.domain.Readiness.State;
import fr.atelier51.letter.service.ReadinessRules;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule, on a complete letter that misses exactly that item. */
class ReadinessRulesTest {

    static final String WORDS = " Les patients sont suivis par une infirmière coordinatrice qui appelle chaque semaine, se déplace "
            + "à domicile après une hospitalisation, partage le dossier avec le médecin traitant et organise la réponse rapide "
            + "en cas d’aggravation. Cette organisation n’existe pas en droit commun et doit être financée au forfait.";

    static Map<String, String> completeLetter() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("intitule", "Suivi infirmier à domicile de l’insuffisance cardiaque dans le Gers." + WORDS);
        s.put("porteur", "MSP des Coteaux, association loi 1901, Auch." + WORDS);
        s.put("partenaires", "Le centre hospitalier d’Auch et la CPTS du Gers." + WORDS);
        s.put("contexte", "Les réhospitalisations sont fréquentes." + WORDS);
        s.put("objectifs", "Réduire les réhospitalisations." + WORDS);
        s.put("population", "Patients insuffisants cardiaques après hospitalisation." + WORDS);
        s.put("description", "Une infirmière coordinatrice suit les patients." + WORDS + WORDS);
        s.put("categorie", "I-1-a : forfait global.");
        s.put("derogations", "L.162-31-1 II 1° a) : payer au forfait plutôt qu’à l’acte." + WORDS);
        s.put("territoire", "Champ local : le Gers, en Occitanie.");
        s.put("duree", "36 mois.");
        s.put("financement", "FISS pour le forfait, FIR pour l’ingénierie : 120 000 €." + WORDS);
        s.put("impacts", "Moins de réhospitalisations ; un modèle reproductible dans d’autres territoires." + WORDS);
        s.put("evaluation", "Taux de réhospitalisation à 30 jours ; données recueillies dans le dossier partagé." + WORDS);
        s.put("liens_interets", "Aucun participant n’a de lien avec une entreprise du médicament.");
        return s;
    }

    static ProjectRecord eligibleRecord() {
        ProjectRecord record = new ProjectRecord();
        record.setVerdict(fr.atelier51.assistant.domain.Verdict.ELIGIBLE_A_PRIORI);
        record.setVerdictExplanation("Rien ne s’y oppose a priori.");
        return record;
    }

    private static Readiness check(Consumer<Map<String, String>> change, ProjectRecord record) {
        Map<String, String> letter = completeLetter();
        change.accept(letter);
        Map<String, String> headings = new LinkedHashMap<>();
        letter.keySet().forEach(k -> headings.put(k, k));
        return ReadinessRules.check(letter, headings, record);
    }

    private static Item item(Readiness r, Group group, String labelOrKey) {
        return r.items().stream().filter(i -> i.group() == group && (i.label().equals(labelOrKey) || labelOrKey.equals(i.sectionKey())))
                .findFirst().orElseThrow();
    }

    @Test
    void aCompleteLetterIsReadyForReview() {
        Readiness r = check(l -> { }, eligibleRecord());
        assertThat(r.items()).filteredOn(i -> i.state() != State.COMPLETE).isEmpty();
        assertThat(r.overall()).isEqualTo(Readiness.Overall.READY_FOR_REVIEW);
    }

    @Test
    void eachEmptySectionIsMissingAndBlocksTheLetter() {
        for (String key : completeLetter().keySet()) {
            Readiness r = check(l -> l.put(key, "  "), eligibleRecord());
            assertThat(item(r, Group.SECTION, key).state()).as(key).isEqualTo(State.MISSING);
            assertThat(r.overall()).as(key).isEqualTo(Readiness.Overall.TO_COMPLETE);
        }
    }

    @Test
    void specificReasonsInPlainFrench() {
        assertThat(item(check(l -> l.put("duree", "Quelques temps."), eligibleRecord()), Group.SECTION, "duree").reason())
                .isEqualTo("la durée n’est pas indiquée (en mois ou en années)");
        assertThat(item(check(l -> l.put("duree", "Sur 6 ans."), eligibleRecord()), Group.SECTION, "duree").reason())
                .startsWith("durée supérieure à 5 ans (72 mois)");
        assertThat(item(check(l -> l.put("derogations", "Nous dérogerons aux règles habituelles de paiement." + WORDS), eligibleRecord()),
                Group.SECTION, "derogations").reason()).startsWith("aucune dérogation de l’article L.162-31-1 II");
        assertThat(item(check(l -> l.put("territoire", "Le Gers."), eligibleRecord()), Group.SECTION, "territoire").state())
                .isEqualTo(State.THIN);
        assertThat(item(check(l -> l.put("financement", "À préciser avec l’agence, selon le nombre de patients inclus dans l’année."), eligibleRecord()),
                Group.SECTION, "financement").reason()).isEqualTo("ni fonds (FISS, FIR) ni montant ne sont indiqués");
        assertThat(item(check(l -> l.put("contexte", "Trop court."), eligibleRecord()), Group.SECTION, "contexte").reason())
                .startsWith("peu développé (2 mots");
    }

    @Test
    void scopeMustMatchWhatTheTerritoriesGive() {
        ProjectRecord record = eligibleRecord();
        record.setScope(fr.atelier51.assistant.domain.Scope.INTERREGIONAL);
        assertThat(item(check(l -> { }, record), Group.SECTION, "territoire").reason())
                .startsWith("le champ territorial ne correspond pas aux régions citées");
    }

    @Test
    void aCspDerogationWithoutJustificationIsThin() {
        ProjectRecord record = eligibleRecord();
        Derogation d = new Derogation();
        d.setReference("L.162-31-1 II 2° j)");
        d.setStatus(DerogationStatus.CONFIRMED);
        record.setDerogations(List.of(d));
        assertThat(item(check(l -> { }, record), Group.SECTION, "derogations").reason()).startsWith("aucune dérogation justifiée");
        d.setJustification("Sans ce transfert de compétence, l’infirmière ne peut pas adapter le traitement.");
        assertThat(item(check(l -> { }, record), Group.SECTION, "derogations").state()).isEqualTo(State.COMPLETE);
    }

    @Test
    void legalMinimumPatientDataAndCtisCriteria() {
        Readiness r = check(l -> l.replaceAll((k, v) -> v.replace("dossier", "classeur").replace("données", "chiffres").replace("recueillies", "notées")), eligibleRecord());
        assertThat(item(r, Group.LEGAL_MINIMUM, "Informations recueillies sur les patients (5°)").state()).isEqualTo(State.MISSING);
        Item innovative = item(check(l -> { }, eligibleRecord()), Group.CTIS, "Caractère innovant");
        assertThat(innovative.reason()).isEqualTo("Les réhospitalisations sont fréquentes.");
        Item efficiency = item(check(l -> { l.put("financement", ""); l.put("impacts", ""); }, eligibleRecord()), Group.CTIS, "Efficience");
        assertThat(efficiency.state()).isEqualTo(State.MISSING);
    }

    @Test
    void eligibilityComesFromTheAssistant() {
        // A fresh record is "à préciser" until the assistant has heard enough.
        assertThat(item(check(l -> { }, new ProjectRecord()), Group.ELIGIBILITY, "Éligibilité").state()).isEqualTo(State.THIN);
        ProjectRecord out = new ProjectRecord();
        out.setVerdict(fr.atelier51.assistant.domain.Verdict.OUT_OF_SCOPE);
        out.setVerdictExplanation("Projet limité aux compétences : protocole de coopération.");
        assertThat(item(check(l -> { }, out), Group.ELIGIBILITY, "Éligibilité").reason()).contains("protocole de coopération");
    }
}
