package fr.atelier51.assistant.domain;

import fr.atelier51.base.domain.Region;

/** Where the lettre d'intention goes (R.162-50-5): the DG ARS of a region, or the rapporteur général. */
public record Destination(Region region, String name, String site) {

    public static final String RAPPORTEUR = "Rapporteur général des expérimentations article 51 (équipe nationale)";

    public static Destination ars(Region region) {
        return new Destination(region, "Directeur général de l’" + region.arsName(), region.arsSite());
    }

    public static Destination rapporteurGeneral() {
        return new Destination(null, RAPPORTEUR, null);
    }

    public boolean isRapporteurGeneral() {
        return region == null;
    }
}
