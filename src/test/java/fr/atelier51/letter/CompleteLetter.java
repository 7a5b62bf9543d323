package fr.atelier51.letter;

import java.util.LinkedHashMap;
import java.util.Map;

/** A letter that passes every readiness check (section key → text), for tests that need a finished letter. */
public final class CompleteLetter {

    private CompleteLetter() {
    }

    public static Map<String, String> sections(String title) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("intitule", title + " : suivi à domicile des plaies chroniques par des infirmières libérales coordonnées");
        s.put("porteur", "Association Soins Bretagne, contact Yvonne Le Gall, coordinatrice du projet");
        s.put("partenaires", "Trois maisons de santé pluriprofessionnelles, deux centres hospitaliers, l’URPS infirmiers et un réseau de plaies et cicatrisation.");
        s.put("contexte", words("Les plaies chroniques des personnes âgées sont suivies tard et sans coordination entre ville et hôpital, ce qui entraîne des hospitalisations évitables", 45));
        s.put("objectifs", words("Réduire les hospitalisations évitables et améliorer la qualité de vie des patients suivis", 25));
        s.put("population", words("Patients de plus de soixante ans porteurs d’une plaie chronique depuis plus de six semaines", 25));
        s.put("description", words("Une infirmière référente suit chaque patient à domicile avec une téléexpertise du centre de plaies et un forfait par patient", 65));
        s.put("categorie", "Organisation innovante, forfait par épisode de soins.");
        s.put("derogations", "Dérogation à l’article L.162-31-1 II 1° a) pour un forfait par patient versé aux infirmières libérales.");
        s.put("territoire", "Champ régional : Finistère et Morbihan, en Bretagne.");
        s.put("duree", "24 mois.");
        s.put("financement", "FISS pour le forfait, 450 € par patient et par épisode, crédits d’amorçage du FIR.");
        s.put("impacts", words("Moins de passages aux urgences, une cicatrisation plus rapide et un modèle reproductible dans d’autres régions", 25));
        s.put("evaluation", words("Évaluation par l’équipe nationale avec recueil des données de cicatrisation dans le dossier de soins et consentement des patients", 25));
        s.put("liens_interets", "Aucun lien d’intérêts déclaré par les porteurs.");
        return s;
    }

    private static String words(String sentence, int atLeast) {
        StringBuilder out = new StringBuilder(sentence).append('.');
        while (out.toString().split("\\s+").length < atLeast) {
            out.append(' ').append(sentence).append('.');
        }
        return out.toString();
    }
}
