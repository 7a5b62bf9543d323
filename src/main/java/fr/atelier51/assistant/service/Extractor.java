package fr.atelier51.assistant.service;

import fr.atelier51.assistant.domain.Signal;
import fr.atelier51.assistant.domain.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic extraction rules: reads a holder's message (French, a little English) and says which facts it
 * contains. Patterns run on the folded text (lower case, no accents). Nothing here touches the record.
 */
final class Extractor {

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    private static final Map<String, Pattern> PROFESSIONALS = new LinkedHashMap<>();
    private static final Map<String, Pattern> SETTINGS = new LinkedHashMap<>();
    private static final Map<String, Pattern> PAYMENTS = new LinkedHashMap<>();
    private static final Map<String, Pattern> POPULATIONS = new LinkedHashMap<>();
    private static final Map<Signal, Pattern> SIGNALS = new LinkedHashMap<>();
    /** Derogation code → (pattern, reason shown to the holder). */
    private static final List<Object[]> DEROGATION_RULES = new ArrayList<>();

    static {
        PROFESSIONALS.put("infirmier(e)s (IDE)", p("\\binfirmi\\w*|\\bide\\b|\\bidel\\b|\\bnurses?\\b"));
        PROFESSIONALS.put("infirmier(e)s en pratique avancée (IPA)", p("\\bipa\\b|pratique avancee"));
        PROFESSIONALS.put("médecins généralistes", p("medecins? generalistes?|\\bgeneralistes?\\b|medecins? traitants?|\\bgps?\\b|general practitioners?"));
        PROFESSIONALS.put("médecins spécialistes", p("cardiolog\\w*|pneumolog\\w*|diabetolog\\w*|endocrinolog\\w*|psychiatr\\w*|geriatr\\w*|pediatr\\w*|oncolog\\w*|nephrolog\\w*|\\bspecialistes?\\b|gynecolog\\w*|addictolog\\w*"));
        PROFESSIONALS.put("pharmaciens", p("pharmacien\\w*|\\bofficines?\\b|pharmacists?"));
        PROFESSIONALS.put("masseurs-kinésithérapeutes", p("\\bkine\\w*|physiotherap\\w*"));
        PROFESSIONALS.put("sages-femmes", p("sages? ?-? ?femmes?|midwi\\w*"));
        PROFESSIONALS.put("psychologues", p("\\bpsychologues?\\b|psychologists?"));
        PROFESSIONALS.put("diététicien(ne)s", p("dieteticien\\w*|nutritionnist\\w*|dietitians?"));
        PROFESSIONALS.put("enseignants en activité physique adaptée (APA)", p("\\bapa\\b|activite physique adaptee|educateurs? (sportifs?|en activite physique)"));
        PROFESSIONALS.put("ergothérapeutes", p("ergotherap\\w*"));
        PROFESSIONALS.put("orthophonistes", p("orthophon\\w*"));
        PROFESSIONALS.put("chirurgiens-dentistes", p("dentist\\w*"));
        PROFESSIONALS.put("aides-soignant(e)s", p("aides? ?-? ?soignant\\w*"));
        PROFESSIONALS.put("travailleurs sociaux", p("assistant\\w* socia\\w*|travailleurs? sociaux|educateurs? specialises?"));
        PROFESSIONALS.put("médiateurs en santé / pairs-aidants", p("mediat\\w* (en )?sante|pairs? ?-? ?aidants?"));
        PROFESSIONALS.put("coordinateurs de parcours", p("coordinat(eur|rice)\\w*|case managers?|gestionnaires? de cas"));
        PROFESSIONALS.put("biologistes / laboratoires", p("laboratoires?\\b|biologistes?"));
        PROFESSIONALS.put("transporteurs sanitaires / taxis", p("ambulanc\\w*|transports? sanitaires?|\\btaxis?\\b|\\bvsl\\b"));
        PROFESSIONALS.put("podologues", p("podolog\\w*|pedicure\\w*"));
        PROFESSIONALS.put("orthoptistes", p("orthoptist\\w*"));

        SETTINGS.put("domicile", p("domicile|a la maison|chez (eux|elles|le patient|les patients|soi)|at home"));
        SETTINGS.put("maison de santé pluriprofessionnelle (MSP)", p("\\bmsp\\b|maisons? de sante"));
        SETTINGS.put("CPTS", p("\\bcpts\\b|communautes? professionnelles? territoriales?"));
        SETTINGS.put("centre de santé", p("centres? de sante(?! sexuelle)"));
        SETTINGS.put("EHPAD", p("\\behpad\\w*|maisons? de retraite|nursing homes?"));
        SETTINGS.put("établissement ou service médico-social (ESSMS)", p("\\bessms\\b|\\besms\\b|medico ?-? ?socia\\w*|\\bssiad\\b|\\bime\\b|\\besat\\b|\\bmas\\b|\\bfam\\b|foyers? d'accueil|\\bsaad\\b|\\bspasad\\b|\\bsessad\\b|\\bitep\\b|\\bcamsp\\b|services? d'aide a domicile|personnes handicapees? en etablissement"));
        SETTINGS.put("hôpital / établissement de santé", p("hopita\\w*|\\bchu\\b|\\bch\\b|centres? hospitalier\\w*|clinique\\w*|etablissements? de sante|urgences|\\bssr\\b|\\bhad\\b|hospitalisation|hospital\\w*"));
        SETTINGS.put("télésurveillance / télémédecine", p("telesurveillance|telesuivi|telemedecine|teleconsultation\\w*|teleexpertise|tele-?expertise|telemonitoring|telehealth"));
        SETTINGS.put("SISA", p("\\bsisa\\b"));
        SETTINGS.put("GCS", p("\\bgcs\\b|groupements? de cooperation sanitaire"));

        PAYMENTS.put("forfait", p("forfai\\w*(?! journalier| innovation)|flat (fee|rate)|per patient per (year|month)|paiement par patient|par patient et par (an|mois)|par patient par (an|mois)"));
        PAYMENTS.put("capitation", p("capitation"));
        PAYMENTS.put("paiement à l’épisode / à la séquence", p("\\bepisode\\w*|sequences? de soins|(paiement|tarification|financement|remuneration) (au|par|a la) (parcours|sequence)|bundled?"));
        PAYMENTS.put("intéressement / paiement à la qualité", p("interessement|paiement a la (qualite|performance)|modul\\w* (selon|en fonction)|remunera\\w* (selon|en fonction) (des|de la) (qualite|resultats|indicateurs)|pay for performance"));
        PAYMENTS.put("partage d’honoraires", p("partage d'honoraires|partager (les|leurs|nos) honoraires|retrocession\\w*|redistribu\\w*"));
        PAYMENTS.put("rémunération d’équipe / collective", p("remunerations? (d'equipe|collective|de l'equipe)|financement collectif|enveloppe (commune|globale|collective)|remunera\\w* (de )?la coordination|temps de coordination"));
        PAYMENTS.put("tiers payant", p("tiers ?-? ?payant|avance de frais|sans avancer"));
        PAYMENTS.put("sans reste à charge", p("sans (rien )?payer|gratuitement|reste a charge|ticket moderateur|gratuit\\w* pour (le|les) (patient|usager)|sans frais pour (le|les) (patient|usager)|participation de l'assure|forfait journalier"));

        POPULATIONS.put("patients insuffisants cardiaques", p("insuffisan\\w* cardiaque|heart failure"));
        POPULATIONS.put("patients diabétiques", p("diabet\\w*"));
        POPULATIONS.put("patients atteints de BPCO / insuffisance respiratoire", p("\\bbpco\\b|insuffisan\\w* respiratoire"));
        POPULATIONS.put("patients insuffisants rénaux", p("insuffisan\\w* renal\\w*|dialys\\w*"));
        POPULATIONS.put("personnes âgées", p("personnes? agees?|plus de (65|70|75|80) ans|seniors?|elderly|fragilite|perte d'autonomie"));
        POPULATIONS.put("enfants et adolescents", p("\\benfants?\\b|adolescent\\w*|pediatri\\w*|children"));
        POPULATIONS.put("femmes enceintes / périnatalité", p("femmes? enceintes?|grossesse\\w*|perinatal\\w*|post ?-? ?partum"));
        POPULATIONS.put("patients atteints de cancer", p("cancer\\w*|oncolog\\w*|chimiotherap\\w*"));
        POPULATIONS.put("personnes en situation d’obésité", p("obes\\w*|surpoids"));
        POPULATIONS.put("personnes avec des troubles psychiques", p("sante mentale|troubles? psych\\w*|depress\\w*|schizophren\\w*|mental health"));
        POPULATIONS.put("personnes avec une addiction", p("addict\\w*|alcool\\w*|tabac\\w*|drogues?"));
        POPULATIONS.put("personnes en situation de précarité", p("precari\\w*|sans ?-? ?abri|migrant\\w*|grande exclusion"));
        POPULATIONS.put("personnes en situation de handicap", p("handicap\\w*|autis\\w*"));
        POPULATIONS.put("patients atteints de maladies neuro-évolutives", p("alzheimer|parkinson|neuro ?-? ?evolutiv\\w*|demence\\w*"));
        POPULATIONS.put("patients après un AVC", p("\\bavc\\b|accidents? vasculaires?"));
        POPULATIONS.put("patients sortant d’hospitalisation", p("sortie d'hospitalisation|sortants? d'hospitalisation|apres (une|leur) hospitalisation"));
        POPULATIONS.put("patients en soins palliatifs", p("palliati\\w*|fin de vie"));
        POPULATIONS.put("patients atteints de maladies chroniques", p("maladies? chroniques?|chronic disease"));

        SIGNALS.put(Signal.COMPETENCES, p("(delegation|transfert|partage)s? (de |des |d')(taches|competences|actes)|acces direct|(infirmi\\w*|\\bide\\b|\\bipa\\b|pharmacien\\w*|kine\\w*|sages? ?-? ?femmes?|orthoptist\\w*|dieteticien\\w*|opticien\\w*)[^.;]{0,80}\\b(prescri\\w*|renouvel\\w* (les |des |l')?(ordonnance|traitement|prescription)\\w*|vaccin\\w*|primo|adapt\\w* (les |le )?(traitement|posologie)\\w*|ajust\\w* (les |le )?(traitement|posologie|dose)\\w*|realiser des actes|faire des actes|actes (medicaux|reserves))"));
        SIGNALS.put(Signal.NO_CHANGE, p("(reste|restera|resteront|rester) (paye|payes|remunere\\w*|finance\\w*) a l'acte|sans (rien )?(changer|modifier) (le |la |les |leur |notre |nos )?(financement|paiement|remuneration|tarification)|pas besoin de (derogation|deroger)|aucune derogation|droit commun (suffit|nous suffit|convient)|le paiement a l'acte (actuel )?(nous )?(convient|suffit)|(remuneration|paiement|tarification|financement) (reste|restera|ne change pas|inchange)"));
        SIGNALS.put(Signal.TECHNOLOGY_ONLY, p("acces (precoce )?au marche|mise sur le marche|commercialis\\w*|(obtenir|avoir) (le |un )?rembourse\\w* (de |pour )?(notre|mon|ma|cette) (application|appli|logiciel|dispositif|solution|capteur|objet|plateforme|outil)|faire rembourser (notre|mon|ma|l'|cette|le) ?(application|appli|logiciel|dispositif|solution|capteur|objet|plateforme|outil)|prise en charge de (notre|mon|ma) (application|appli|logiciel|dispositif|solution|capteur|plateforme|outil)|market access"));
        SIGNALS.put(Signal.ALREADY_FUNDED, p("deja finance\\w*|existe (deja|depuis)[^.]{0,80}financ\\w*|deja subventionne\\w*|financ\\w* depuis (\\d+|plusieurs|des) ans|(reconduire|prolonger|pereniser) (notre|l'|cette) (action|dispositif|projet) (qui )?existant"));
        SIGNALS.put(Signal.SIMILAR_EXISTS, p("(s'inspire|inspire|proche|similaire|comme|sur le modele) (de |du |a |de l')?(l'|une )?(experimentation|projet) (article 51|existante?|nationale)|\\bpeps\\b|\\bipep\\b|rejoindre (une|l'|cette) experimentation"));
        SIGNALS.put(Signal.NON_CONVENTIONAL_MEDICINE, p("homeopath\\w*|naturopath\\w*|medecines? (douces?|alternatives?|non conventionnelles?|traditionnelles? chinoises?|energetiques?)|\\breiki\\b|magnetiseu\\w*|reflexolog\\w*|aromatherap\\w*|iridolog\\w*"));
        SIGNALS.put(Signal.FUNDING_ONLY, p("(juste|simplement|seulement|uniquement) (obtenir )?(un |des )?(financement|subvention|budget)\\w*|(sans|pas de) (changer|modifier|changement|modification)[^.]{0,20}(organisation|pratiques)[^.]{0,60}financ\\w*|financ\\w*[^.]{0,80}sans (rien )?(changer|modifier) (notre |l'|leur |nos )?(organisation|pratiques|fonctionnement)|subvention (de fonctionnement|pour financer)"));
        SIGNALS.put(Signal.NARROW, p("(uniquement|seulement|exclusivement) (pour|dans|a) (notre|mon|ma|nos) (cabinet|service|etablissement|structure|ehpad|msp|patients|patientele)|non transposable|ne (pourra|pourrait|peut) pas (etre )?(etendu|generalise|reproduit|transpose)|un seul patient|cas (tres )?particulier|situation (tres )?particuliere|propre a notre (structure|etablissement|cabinet)"));
        SIGNALS.put(Signal.TELESURVEILLANCE, p("telesurveillance|telesuivi|telemonitoring"));
        SIGNALS.put(Signal.TELEMEDICINE, p("telemedecine|teleconsultation\\w*|teleexpertise|tele-expertise"));
        SIGNALS.put(Signal.HEALTH_PRODUCTS, p("bon usage (du |des )?medicament|pertinence (de la |des )?prescription|liste en sus|medicaments? (couteux|onereux)|dispositifs? medicaux (couteux|onereux)|prescription (des |de )?(medicaments|dispositifs)|forfait innovation|\\blpp\\b|iatrogeni\\w*|polymedicament\\w*|deprescri\\w*"));
        SIGNALS.put(Signal.MEDICO_SOCIAL, p("\\bsessad\\b|\\bitep\\b|\\bcamsp\\b|\\bessms\\b|\\besms\\b|medico ?-? ?socia\\w*|\\bssiad\\b|\\behpad\\w*|\\bime\\b|\\besat\\b|\\bsaad\\b|\\bspasad\\b|\\bmas\\b|foyers? d'accueil"));
        SIGNALS.put(Signal.UNDERSERVED_AREA, p("deserts? medica\\w*|zones? (sous ?-? ?denses?|sous ?-? ?dotees?|rurales? isolees?|d'intervention prioritaire)|manque de medecins|pas de medecin|acces aux soins (difficile|insuffisant|limite)|difficultes? d'acces aux soins|medical deserts?"));
        SIGNALS.put(Signal.COORDINATION, p("coordin\\w*|coordonn\\w*|\\bparcours\\b|pluri ?-? ?professionn\\w*|pluridisciplin\\w*|multi ?-? ?professionn\\w*|ville ?-? ?hopital|exercice coordonne|\\bmsp\\b|\\bcpts\\b|lien entre|entre la ville et|decloisonn\\w*|equipe de soins|coordinated"));
        SIGNALS.put(Signal.INDIVIDUAL_HOLDER, p("a titre individuel|je suis (seul|seule|independant\\w*)|sans structure|en nom propre|pas de structure"));
        SIGNALS.put(Signal.LEGAL_PERSON, p("\\bassociation\\b|\\bmsp\\b|\\bcpts\\b|centres? hospitalier|\\bchu\\b|clinique|\\bsisa\\b|societe|\\bsas\\b|start ?-? ?up|\\bgcs\\b|\\bght\\b|mutuelle|collectivite|commune|federation|centres? de sante|\\behpad\\b|etablissement|groupement|notre structure|\\bgie\\b"));
        SIGNALS.put(Signal.DEPARTMENT_COFUNDING, p("conseil departemental|(departement|cd\\d{2}) (cofinance|finance|participe)|cofinancement (du |par le )?departement"));

        der("II-1-a", "forfai\\w*(?! journalier| innovation)|capitation|\\bepisode\\w*|sequences? de soins|paiement (au|par|a la) (parcours|sequence)|interessement|paiement a la (qualite|performance)|remunerations? (d'equipe|collective)|remunera\\w* (de )?la coordination|financement collectif|enveloppe (commune|globale|collective)|flat (fee|rate)|bundled?|par patient et par (an|mois)|paiement par patient|modul\\w* (selon|en fonction)",
                "vous voulez payer autrement qu’à l’acte");
        der("II-1-a", "(payer|payes?|payees?|remuner\\w*|financ\\w*)[^.]{0,50}(autrement|differemment|hors (de l')?acte|pas a l'acte|plutot qu'a l'acte|au lieu de l'acte|au lieu d'un paiement a l'acte|au lieu du paiement a l'acte)",
                "vous voulez payer autrement qu’à l’acte");
        der("II-1-b", "tiers ?-? ?payant|avance de frais|sans avancer", "le patient n’avancerait pas les frais");
        der("II-1-c", "dieteticien\\w*|\\bpsychologues?\\b|\\bapa\\b|activite physique adaptee|ergotherap\\w*|educateurs? (sportifs?|en activite physique)|non rembourse\\w*|pas rembourse\\w*|non pris en charge|pas pris en charge|podolog\\w*",
                "des prestations habituellement non remboursées (diététicien, psychologue, activité physique adaptée…) seraient prises en charge");
        der("II-1-d", "sans (rien )?payer|gratuitement|reste a charge|ticket moderateur|gratuit\\w* pour (le|les) (patient|usager)|sans frais pour (le|les) (patient|usager)|participation de l'assure|forfait journalier",
                "le reste à charge du patient changerait");
        der("II-1-e", "liste en sus|medicaments? (couteux|onereux)|dispositifs? medicaux (couteux|onereux)|prise en charge (des |du |de )?(medicaments?|dispositifs? medicaux)|forfait innovation|\\blpp\\b",
                "la prise en charge de médicaments ou de dispositifs médicaux changerait");
        der("II-1-f", "(biologie|analyses?|examens?|depistage)[^.]{0,60}sans (ordonnance|prescription)", "des examens de biologie seraient faits sans ordonnance");
        der("II-2-a", "partage d'honoraires|partager (les|leurs|nos) honoraires|retrocession\\w*|redistribu\\w*", "des honoraires ou une rémunération seraient partagés entre professionnels");
        der("II-2-b", "hotel hospitalier|hebergement (temporaire )?non medicalise|hebergement temporaire", "un hébergement non médicalisé avant ou après un séjour est prévu");
        der("II-2-c", "autorisation\\w* (d'activite|d'equipement|de soins)|equipements? lourds?|\\birm\\b partage|autorisation (commune|partagee|au groupement)", "une autorisation d’activité ou d’équipement serait donnée à un groupement");
        der("II-2-d", "dialysat\\w*|dialyse a domicile|livraison[^.]{0,40}dialys", "des dialysats seraient livrés à domicile");
        der("II-2-e", "conditions techniques de fonctionnement", "certaines conditions techniques de fonctionnement seraient écartées");
        der("II-2-f", "praticiens? hospitaliers?[^.]{0,60}(liberal|en ville|hors de l'hopital)", "un praticien hospitalier exercerait en libéral hors de l’hôpital");
        der("II-2-g", "\\bsisa\\b[^.]{0,80}(redistribu|percevoir|perçoit|encaiss)|(redistribu|percevoir|encaiss)\\w*[^.]{0,60}\\bsisa\\b", "la SISA percevrait et redistribuerait les rémunérations");
        der("II-2-h", "\\bgcs\\b[^.]{0,80}interessement|interessement[^.]{0,80}\\bgcs\\b", "un GCS redistribuerait un intéressement collectif");
        der("II-2-i", "(medecins?|praticiens?) liberau?x?[^.]{0,60}centres? de sante|centres? de sante[^.]{0,60}(medecins?|praticiens?) liberau?x?", "un praticien exercerait en libéral dans un centre de santé");
        der("II-2-k", "dentist\\w*[^.]{0,60}\\bsamu\\b|\\bsamu\\b[^.]{0,60}dentist\\w*", "des chirurgiens-dentistes libéraux participeraient au SAMU");
        der("II-2-l", "prelevements?[^.]{0,60}(laboratoire|biologi)|(laboratoire|biologi)\\w*[^.]{0,60}prelevements?", "les lieux ou conditions de prélèvement de biologie seraient élargis");
        der("II-2-m", "(transports? sanitaires?|ambulanc\\w*|\\bvsl\\b)[^.]{0,80}(agrement|vehicules?)|(agrement|vehicules?)[^.]{0,80}(transports? sanitaires?|ambulanc\\w*)", "l’agrément ou le parc de véhicules de transport sanitaire changerait");
        der("II-2-n", "antenne (de |d'une )?(pharmacie|officine)|derniere (pharmacie|officine)|pharmacie a (ferme|fermé)|officine a ferme", "une antenne de pharmacie remplacerait la dernière officine fermée");
        der("II-2-o", "\\bpmi\\b|protection maternelle|centres? de sante sexuelle|\\bcegidd\\b|\\bcsapa\\b|\\bcaarud\\b|centres? de vaccination|centres? de lutte antituberculeuse|\\bclat\\b", "une structure de prévention (PMI, santé sexuelle, vaccination, addictions…) serait financée ou organisée autrement");
        der("II-3", "\\bsessad\\b|\\bitep\\b|\\bcamsp\\b|\\bessms\\b|\\besms\\b|medico ?-? ?socia\\w*|\\bssiad\\b|\\behpad\\w*|\\bime\\b|\\besat\\b|\\bsaad\\b|\\bspasad\\b|\\bmas\\b|foyers? d'accueil",
                "un établissement ou service médico-social (CASF L.312-1) est concerné par le changement");
    }

    private static void der(String code, String regex, String reason) {
        DEROGATION_RULES.add(new Object[] {code, Pattern.compile(regex), reason});
    }

    private static final Pattern INJECTION = p("ignore\\w* (all |any |your |the |tes |vos |les |toutes? (les |tes |vos )?)?(previous |precedentes? )?(instructions|consignes|regles)|oublie\\w* (tes|vos|les|toutes) (instructions|consignes|regles)|system prompt|prompt systeme|jailbreak|\\bdan mode\\b|tu es (maintenant|desormais)|you are now|act as|agis comme|(declare|marque|mets|rends|met|mark|set)\\w* (le |ce |the |this )?(projet |project )?(comme |as )?(eligible|valide)|verdict ?(=|:) ?eligible|<\\s*/?\\s*(script|system)");
    private static final Pattern SKIP = p("^\\s*(je (ne )?(le )?sais pas|j'?sais pas|sais pas|aucune idee|ne sais pas|je ne suis pas (sur|sure)|pas encore (decide|defini|clair|sur)|passer|passe|on passe|suivant|skip|next|i don'?t know|\\?+|nsp|a voir|je verrai|plus tard|pas d'idee)\\b.{0,40}$");
    private static final Pattern YES = p("^\\s*(oui|ok|okay|d'accord|dac|je confirme|confirme|confirmees?|valide|c'est bon|exact|tout a fait|parfait|yes|parfaitement|bien sur)\\b");
    private static final Pattern NO = p("^\\s*(non|aucune?|pas du tout|no|nope|rien|je refuse)\\b");
    private static final Pattern QUESTION_START = p("^\\s*(c'est quoi|qu'est ?-? ?ce|quel\\w*|comment|pourquoi|combien|ou |qui |quand|faut ?-? ?il|est ?-? ?ce|dois ?-? ?je|doit ?-? ?on|peut ?-? ?on|puis ?-? ?je|a quoi|que (veut|signifie|dit)|explique|definition|what|how|why|is it|do i)\\b");
    private static final Pattern ENGLISH = p("\\b(the|and|we|want|would|with|patients? in|our|is|are|for|people|which|should|i)\\b");
    private static final Pattern FRENCH = p("\\b(le|la|les|des|une|un|et|nous|pour|avec|est|dans|sur|je|de|du|en)\\b");
    private static final Pattern DURATION = p("(\\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix ?-? ?huit|dix|douze|vingt ?-? ?quatre|trente ?-? ?six|quarante ?-? ?huit|soixante)\\s*(mois|ans|annees|an|months?|years?)\\b");
    private static final Pattern DURATION_CONTEXT = p("((duree|pendant|durant|sur|durer|dure|experiment\\w*|projet|parcours|dispositif|programme|etude|periode|horizon|during|for|over|lasting|prevue? pour)( une| un)?( duree| periode)?( totale| envisagee| prevue| souhaitee)?( de| d'environ| d'au moins| d'au plus| environ)?\\s*[:=]?\\s*$)|(^|[,.;:(])\\s*$");
    private static final Pattern AGE_CONTEXT = p("(plus de|moins de|\\+ de|ages? de|agees? de|age de|enfants de|bebes? de|nourrissons? de|over|under|aged)\\s+$");
    private static final Pattern EVALUATION = p("indicateur\\w*|evalu\\w*|mesur\\w*|taux de|nombre de|satisfaction|reduction (du|des|de la)|re ?-? ?hospitalisation\\w*|passages? aux urgences|qualite de vie|cout\\w* (evite|par patient)|\\bproms?\\b|\\bprems?\\b");

    private static final Pattern EVALUATION_ABOUT = p("indicateur\\w*|evalu\\w*|mesurer|on mesurera|nous mesurerons|we will measure");
    private static final Pattern DOCTORS = p("\\bmedecins?\\b|\\bdoctors?\\b");

    static Extraction extract(String original, Step step) {
        Extraction x = new Extraction();
        String f = Text.fold(original);
        String trimmed = f.strip();
        x.injection = INJECTION.matcher(f).find();
        x.skip = SKIP.matcher(trimmed).find();
        x.yes = YES.matcher(trimmed).find();
        x.no = NO.matcher(trimmed).find() && trimmed.length() < 120;
        x.question = trimmed.endsWith("?") && !x.skip || QUESTION_START.matcher(trimmed).find();
        int en = count(ENGLISH, f);
        int fr = count(FRENCH, f);
        x.english = en >= 3 && en > fr;

        PROFESSIONALS.forEach((label, pattern) -> {
            if (pattern.matcher(f).find()) {
                x.professionals.add(label);
            }
        });
        if (x.professionals.stream().noneMatch(s -> s.startsWith("médecins")) && DOCTORS.matcher(f).find()) {
            x.professionals.add("médecins");
        }
        SETTINGS.forEach((label, pattern) -> {
            if (pattern.matcher(f).find()) {
                x.settings.add(label);
            }
        });
        PAYMENTS.forEach((label, pattern) -> {
            if (pattern.matcher(f).find()) {
                x.paymentModels.add(label);
            }
        });
        POPULATIONS.forEach((label, pattern) -> {
            if (pattern.matcher(f).find()) {
                x.population.add(label);
            }
        });
        SIGNALS.forEach((signal, pattern) -> {
            if (pattern.matcher(f).find()) {
                x.signals.add(signal);
            }
        });
        for (Object[] rule : DEROGATION_RULES) {
            if (((Pattern) rule[1]).matcher(f).find()) {
                x.derogations.put((String) rule[0], (String) rule[2]);
            }
        }
        if (x.signals.contains(Signal.COMPETENCES)) {
            x.derogations.put("II-2-j", "un professionnel ferait des actes qui ne relèvent pas aujourd’hui de sa compétence");
        }
        if (x.signals.contains(Signal.FUNDING_ONLY) || x.signals.contains(Signal.TECHNOLOGY_ONLY)) {
            x.derogations.remove("II-1-c");
        }
        x.territories = Territories.find(original, step == Step.TERRITORY);
        x.durationMonths = duration(f, step == Step.DURATION);
        x.evaluationIdeas = evaluationIdeas(original, f, step == Step.EVALUATION);
        return x;
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find() && n < 50) {
            n++;
        }
        return n;
    }

    static Integer duration(String f, boolean durationStep) {
        Matcher m = DURATION.matcher(f);
        while (m.find()) {
            String before = f.substring(Math.max(0, m.start() - 30), m.start());
            if (AGE_CONTEXT.matcher(before).find()) {
                continue;
            }
            boolean months = m.group(2).startsWith("mois") || m.group(2).startsWith("month");
            if (!durationStep && !months && !DURATION_CONTEXT.matcher(before).find()) {
                continue;
            }
            int n = number(m.group(1));
            if (n <= 0) {
                continue;
            }
            return months ? n : n * 12;
        }
        return null;
    }

    private static int number(String word) {
        String w = word.replaceAll("[\\s-]", "");
        return switch (w) {
            case "un", "une" -> 1;
            case "deux" -> 2;
            case "trois" -> 3;
            case "quatre" -> 4;
            case "cinq" -> 5;
            case "six" -> 6;
            case "sept" -> 7;
            case "huit" -> 8;
            case "neuf" -> 9;
            case "dix" -> 10;
            case "douze" -> 12;
            case "dixhuit" -> 18;
            case "vingtquatre" -> 24;
            case "trentesix" -> 36;
            case "quarantehuit" -> 48;
            case "soixante" -> 60;
            default -> {
                try {
                    yield Integer.parseInt(w);
                } catch (NumberFormatException e) {
                    yield -1;
                }
            }
        };
    }

    /** Sentences that talk about measuring results; at the evaluation step, the whole answer. */
    private static List<String> evaluationIdeas(String original, String folded, boolean evaluationStep) {
        List<String> ideas = new ArrayList<>();
        String[] sentences = original.split("(?<=[.!?;\\n])\\s+");
        String[] foldedSentences = folded.split("(?<=[.!?;\\n])\\s+");
        if (sentences.length != foldedSentences.length) {
            return ideas;
        }
        for (int i = 0; i < sentences.length && ideas.size() < 5; i++) {
            String s = sentences[i].strip();
            boolean about = EVALUATION_ABOUT.matcher(foldedSentences[i]).find();
            if (s.length() >= 8 && s.length() <= 400 && (about || evaluationStep) && EVALUATION.matcher(foldedSentences[i]).find()) {
                ideas.add(s);
            }
        }
        return ideas;
    }
}
