package fr.atelier51.assistant.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The closed list of L.162-31-1 II (v17, in force since 2025-01-01), in plain French (domain §1.3). */
public final class DerogationCatalogue {

    private static final Map<String, DerogationDefinition> ALL = new LinkedHashMap<>();

    static {
        fin("a", "règles de tarification, de facturation et de rémunération",
                "payer autrement qu’à l’acte ou qu’au tarif habituel : forfait, paiement à l’épisode, rémunération d’équipe, intéressement (vise notamment L.162-5, L.162-9, L.162-14-1, L.162-22-3 et suivants, L.165-1, L.322-5)");
        fin("b", "paiement direct des honoraires par le patient (L.162-2)",
                "dispenser le patient d’avancer les frais (tiers payant) dans le parcours expérimental");
        fin("c", "frais pris en charge par l’assurance maladie (L.160-8 1°, 2° et 6° ; L.160-9-1 1°)",
                "prendre en charge des prestations qui ne sont pas remboursées aujourd’hui (par exemple diététicien, psychologue, activité physique adaptée)");
        fin("d", "participation de l’assuré (L.160-13 à L.160-15) et forfait journalier (L.174-4)",
                "supprimer ou modifier le reste à charge du patient (ticket modérateur, participations, forfait journalier)");
        fin("e", "prise en charge des médicaments et dispositifs médicaux (L.162-16 à L.162-19, L.165-1 à L.165-7…)",
                "financer autrement des médicaments ou des produits et prestations de la LPP");
        fin("f", "examens de biologie sans prescription (L.162-13-2)",
                "rembourser des examens de biologie réalisés à la demande du patient, sans ordonnance");
        org("a", false, "partage d’honoraires entre professionnels (CSP L.4113-5)",
                "permettre à des professionnels de partager leurs honoraires ou de redistribuer une rémunération d’équipe");
        org("b", true, "hébergement temporaire non médicalisé (CSP L.6111-1)",
                "permettre à un établissement de proposer un hébergement non médicalisé avant ou après un séjour (hôtel hospitalier)");
        org("c", true, "autorisations d’activités de soins et d’équipements lourds (CSP L.6122-3)",
                "accorder une autorisation d’activité de soins ou d’équipement à un groupement d’établissements ou de professionnels");
        org("d", true, "dispensation à domicile des dialysats (CSP L.4211-1)",
                "faire livrer à domicile les dialysats par des prestataires, sous la responsabilité d’un pharmacien");
        org("e", true, "conditions techniques de fonctionnement (CSP L.6122-2 3°, L.6124-1)",
                "écarter, pendant l’expérimentation, certaines conditions techniques de fonctionnement d’une activité autorisée");
        org("f", false, "activité libérale des praticiens hospitaliers hors de l’hôpital (CSP L.6154-2, L.6154-3)",
                "permettre à un praticien hospitalier d’exercer en libéral hors de l’établissement, dans une zone sous-dotée, sans dépassement");
        org("g", false, "rémunérations perçues par une SISA (CSP L.4041-2, L.4042-1)",
                "permettre à une société interprofessionnelle (SISA) de percevoir les rémunérations de ses membres et de les redistribuer");
        org("h", false, "intéressement collectif dans un GCS (CSP L.6133-1)",
                "permettre à un groupement de coopération sanitaire de redistribuer un intéressement collectif à ses membres");
        org("i", false, "exercice libéral dans un centre de santé (CSP L.6323-1-5)",
                "permettre, en zone sous-dotée, à un praticien d’exercer en libéral dans un centre de santé");
        org("j", true, "règles de compétences des professionnels et télémédecine (CSP L.4111-1, L.4161-1, L.4311-1, L.6316-1…)",
                "permettre à un professionnel de faire des actes qui ne relèvent pas aujourd’hui de sa compétence, à l’intérieur d’un projet plus large");
        org("k", false, "participation des chirurgiens-dentistes libéraux au SAMU (CSP L.6311-2)",
                "permettre à des chirurgiens-dentistes libéraux de participer aux unités du SAMU");
        org("l", false, "prélèvements et analyses de biologie (CSP L.6211-13, -14, -18)",
                "élargir les lieux et conditions de prélèvement et d’analyse de biologie médicale");
        org("m", false, "transports sanitaires (CSP L.6312-4)",
                "assouplir l’agrément, le nombre théorique de véhicules ou leurs catégories");
        org("n", false, "antenne d’officine (CSP L.5125-1-1 A, L.5125-16 à -18)",
                "ouvrir une antenne d’une pharmacie voisine quand la dernière officine d’une commune a fermé");
        org("o", false, "structures de prévention (PMI, santé sexuelle, vaccination, addictions… CSP L.2112-1 et suivants)",
                "financer, organiser ou élargir les missions des structures de prévention");
        put(new DerogationDefinition("II-3", "L.162-31-1 II 3°",
                "tarification et organisation des établissements et services médico-sociaux (CASF L.312-1)",
                "déroger aux règles de tarification ou d’organisation d’un ESSMS (EHPAD, SSIAD, IME…)", false, false));
    }

    private DerogationCatalogue() {
    }

    private static void fin(String letter, String title, String explanation) {
        put(new DerogationDefinition("II-1-" + letter, "L.162-31-1 II 1° " + letter + ")", title, explanation, false, false));
    }

    private static void org(String letter, boolean has, String title, String explanation) {
        put(new DerogationDefinition("II-2-" + letter, "L.162-31-1 II 2° " + letter + ")", title, explanation, has, true));
    }

    private static void put(DerogationDefinition d) {
        ALL.put(d.code(), d);
    }

    public static List<DerogationDefinition> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<DerogationDefinition> byCode(String code) {
        return code == null ? Optional.empty()
                : ALL.values().stream().filter(d -> d.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    public static DerogationDefinition get(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown derogation " + code));
    }
}
