package fr.atelier51.knowledge.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The Article 51 core of the Code de la sécurité sociale (L.162-31-1 and its décret, R.162-50-1 to R.162-50-14),
 * with a short subject for each article: official codes give articles no titles, and holders search by subject.
 */
public final class Article51Core {

    public static final String LAW = "L162-31-1";

    private static final Map<String, String> SUBJECTS = Map.ofEntries(
            Map.entry(LAW, "Expérimentations pour l’innovation dans le système de santé (article 51)"),
            Map.entry("R162-50-1", "Catégories d’expérimentations"),
            Map.entry("R162-50-2", "Comité technique de l’innovation en santé (CTIS)"),
            Map.entry("R162-50-3", "Conseil stratégique de l’innovation en santé (CSIS)"),
            Map.entry("R162-50-4", "Rapporteur général"),
            Map.entry("R162-50-5", "Dépôt des projets auprès de l’ARS ou du rapporteur général"),
            Map.entry("R162-50-6", "Contenu du cahier des charges"),
            Map.entry("R162-50-7", "Examen par le comité technique, délais et avis"),
            Map.entry("R162-50-8", "Avis de la Haute Autorité de santé"),
            Map.entry("R162-50-9", "Autorisation des expérimentations par arrêté"),
            Map.entry("R162-50-10", "Appels à projets"),
            Map.entry("R162-50-11", "Information des patients"),
            Map.entry("R162-50-12", "Données recueillies sur les patients"),
            Map.entry("R162-50-13", "Déclaration des liens d’intérêts"),
            Map.entry("R162-50-14", "Évaluation des expérimentations"));

    private Article51Core() {
    }

    public static boolean isCore(String ref) {
        return SUBJECTS.containsKey(ref);
    }

    public static Optional<String> subject(String ref) {
        return Optional.ofNullable(SUBJECTS.get(ref));
    }
}
