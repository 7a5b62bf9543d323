package fr.atelier51.assistant.domain;

import fr.atelier51.base.domain.Region;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 101 French départements with their region (COG 2016+). {@code ambiguous} marks names that are also common
 * French words ("Lot", "Cher", "Somme", "Nord"…): the extractor accepts them only when written with a capital.
 */
public enum Departement {
    D01("01", "Ain", Region.AUVERGNE_RHONE_ALPES, true),
    D02("02", "Aisne", Region.HAUTS_DE_FRANCE, false),
    D03("03", "Allier", Region.AUVERGNE_RHONE_ALPES, false),
    D04("04", "Alpes-de-Haute-Provence", Region.PROVENCE_ALPES_COTE_D_AZUR, false),
    D05("05", "Hautes-Alpes", Region.PROVENCE_ALPES_COTE_D_AZUR, false),
    D06("06", "Alpes-Maritimes", Region.PROVENCE_ALPES_COTE_D_AZUR, false),
    D07("07", "Ardèche", Region.AUVERGNE_RHONE_ALPES, false),
    D08("08", "Ardennes", Region.GRAND_EST, false),
    D09("09", "Ariège", Region.OCCITANIE, false),
    D10("10", "Aube", Region.GRAND_EST, true),
    D11("11", "Aude", Region.OCCITANIE, false),
    D12("12", "Aveyron", Region.OCCITANIE, false),
    D13("13", "Bouches-du-Rhône", Region.PROVENCE_ALPES_COTE_D_AZUR, false),
    D14("14", "Calvados", Region.NORMANDIE, false),
    D15("15", "Cantal", Region.AUVERGNE_RHONE_ALPES, false),
    D16("16", "Charente", Region.NOUVELLE_AQUITAINE, false),
    D17("17", "Charente-Maritime", Region.NOUVELLE_AQUITAINE, false),
    D18("18", "Cher", Region.CENTRE_VAL_DE_LOIRE, true),
    D19("19", "Corrèze", Region.NOUVELLE_AQUITAINE, false),
    D2A("2A", "Corse-du-Sud", Region.CORSE, false),
    D2B("2B", "Haute-Corse", Region.CORSE, false),
    D21("21", "Côte-d'Or", Region.BOURGOGNE_FRANCHE_COMTE, false),
    D22("22", "Côtes-d'Armor", Region.BRETAGNE, false),
    D23("23", "Creuse", Region.NOUVELLE_AQUITAINE, false),
    D24("24", "Dordogne", Region.NOUVELLE_AQUITAINE, false),
    D25("25", "Doubs", Region.BOURGOGNE_FRANCHE_COMTE, false),
    D26("26", "Drôme", Region.AUVERGNE_RHONE_ALPES, false),
    D27("27", "Eure", Region.NORMANDIE, false),
    D28("28", "Eure-et-Loir", Region.CENTRE_VAL_DE_LOIRE, false),
    D29("29", "Finistère", Region.BRETAGNE, false),
    D30("30", "Gard", Region.OCCITANIE, false),
    D31("31", "Haute-Garonne", Region.OCCITANIE, false),
    D32("32", "Gers", Region.OCCITANIE, false),
    D33("33", "Gironde", Region.NOUVELLE_AQUITAINE, false),
    D34("34", "Hérault", Region.OCCITANIE, false),
    D35("35", "Ille-et-Vilaine", Region.BRETAGNE, false),
    D36("36", "Indre", Region.CENTRE_VAL_DE_LOIRE, false),
    D37("37", "Indre-et-Loire", Region.CENTRE_VAL_DE_LOIRE, false),
    D38("38", "Isère", Region.AUVERGNE_RHONE_ALPES, false),
    D39("39", "Jura", Region.BOURGOGNE_FRANCHE_COMTE, false),
    D40("40", "Landes", Region.NOUVELLE_AQUITAINE, false),
    D41("41", "Loir-et-Cher", Region.CENTRE_VAL_DE_LOIRE, false),
    D42("42", "Loire", Region.AUVERGNE_RHONE_ALPES, false),
    D43("43", "Haute-Loire", Region.AUVERGNE_RHONE_ALPES, false),
    D44("44", "Loire-Atlantique", Region.PAYS_DE_LA_LOIRE, false),
    D45("45", "Loiret", Region.CENTRE_VAL_DE_LOIRE, false),
    D46("46", "Lot", Region.OCCITANIE, true),
    D47("47", "Lot-et-Garonne", Region.NOUVELLE_AQUITAINE, false),
    D48("48", "Lozère", Region.OCCITANIE, false),
    D49("49", "Maine-et-Loire", Region.PAYS_DE_LA_LOIRE, false),
    D50("50", "Manche", Region.NORMANDIE, true),
    D51("51", "Marne", Region.GRAND_EST, false),
    D52("52", "Haute-Marne", Region.GRAND_EST, false),
    D53("53", "Mayenne", Region.PAYS_DE_LA_LOIRE, false),
    D54("54", "Meurthe-et-Moselle", Region.GRAND_EST, false),
    D55("55", "Meuse", Region.GRAND_EST, false),
    D56("56", "Morbihan", Region.BRETAGNE, false),
    D57("57", "Moselle", Region.GRAND_EST, false),
    D58("58", "Nièvre", Region.BOURGOGNE_FRANCHE_COMTE, false),
    D59("59", "Nord", Region.HAUTS_DE_FRANCE, true),
    D60("60", "Oise", Region.HAUTS_DE_FRANCE, false),
    D61("61", "Orne", Region.NORMANDIE, false),
    D62("62", "Pas-de-Calais", Region.HAUTS_DE_FRANCE, false),
    D63("63", "Puy-de-Dôme", Region.AUVERGNE_RHONE_ALPES, false),
    D64("64", "Pyrénées-Atlantiques", Region.NOUVELLE_AQUITAINE, false),
    D65("65", "Hautes-Pyrénées", Region.OCCITANIE, false),
    D66("66", "Pyrénées-Orientales", Region.OCCITANIE, false),
    D67("67", "Bas-Rhin", Region.GRAND_EST, false),
    D68("68", "Haut-Rhin", Region.GRAND_EST, false),
    D69("69", "Rhône", Region.AUVERGNE_RHONE_ALPES, false),
    D70("70", "Haute-Saône", Region.BOURGOGNE_FRANCHE_COMTE, false),
    D71("71", "Saône-et-Loire", Region.BOURGOGNE_FRANCHE_COMTE, false),
    D72("72", "Sarthe", Region.PAYS_DE_LA_LOIRE, false),
    D73("73", "Savoie", Region.AUVERGNE_RHONE_ALPES, false),
    D74("74", "Haute-Savoie", Region.AUVERGNE_RHONE_ALPES, false),
    D75("75", "Paris", Region.ILE_DE_FRANCE, false),
    D76("76", "Seine-Maritime", Region.NORMANDIE, false),
    D77("77", "Seine-et-Marne", Region.ILE_DE_FRANCE, false),
    D78("78", "Yvelines", Region.ILE_DE_FRANCE, false),
    D79("79", "Deux-Sèvres", Region.NOUVELLE_AQUITAINE, false),
    D80("80", "Somme", Region.HAUTS_DE_FRANCE, true),
    D81("81", "Tarn", Region.OCCITANIE, false),
    D82("82", "Tarn-et-Garonne", Region.OCCITANIE, false),
    D83("83", "Var", Region.PROVENCE_ALPES_COTE_D_AZUR, true),
    D84("84", "Vaucluse", Region.PROVENCE_ALPES_COTE_D_AZUR, false),
    D85("85", "Vendée", Region.PAYS_DE_LA_LOIRE, false),
    D86("86", "Vienne", Region.NOUVELLE_AQUITAINE, true),
    D87("87", "Haute-Vienne", Region.NOUVELLE_AQUITAINE, false),
    D88("88", "Vosges", Region.GRAND_EST, false),
    D89("89", "Yonne", Region.BOURGOGNE_FRANCHE_COMTE, false),
    D90("90", "Territoire de Belfort", Region.BOURGOGNE_FRANCHE_COMTE, false),
    D91("91", "Essonne", Region.ILE_DE_FRANCE, false),
    D92("92", "Hauts-de-Seine", Region.ILE_DE_FRANCE, false),
    D93("93", "Seine-Saint-Denis", Region.ILE_DE_FRANCE, false),
    D94("94", "Val-de-Marne", Region.ILE_DE_FRANCE, false),
    D95("95", "Val-d'Oise", Region.ILE_DE_FRANCE, false),
    D971("971", "Guadeloupe", Region.GUADELOUPE, false),
    D972("972", "Martinique", Region.MARTINIQUE, false),
    D973("973", "Guyane", Region.GUYANE, false),
    D974("974", "La Réunion", Region.LA_REUNION, false),
    D976("976", "Mayotte", Region.MAYOTTE, false);

    private final String code;
    private final String label;
    private final Region region;
    private final boolean ambiguous;

    Departement(String code, String label, Region region, boolean ambiguous) {
        this.code = code;
        this.label = label;
        this.region = region;
        this.ambiguous = ambiguous;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Region region() {
        return region;
    }

    public boolean ambiguous() {
        return ambiguous;
    }

    public static Optional<Departement> byCode(String code) {
        String wanted = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        String normalised = wanted.length() == 1 ? "0" + wanted : wanted;
        return Arrays.stream(values()).filter(d -> d.code.equals(normalised)).findFirst();
    }
}
