package fr.atelier51.base;

import fr.atelier51.base.domain.Region;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionTest {

    @Test
    void eighteenRegionsEachWithItsArs() {
        assertThat(Region.values()).hasSize(18);
        assertThat(Region.OCCITANIE.arsName()).isEqualTo("ARS Occitanie");
        assertThat(Region.PROVENCE_ALPES_COTE_D_AZUR.arsSite()).isEqualTo("https://paca.ars.sante.fr");
    }

    @Test
    void parsesNamesCodesAndSpellingsWithoutAccents() {
        assertThat(Region.parse("Île-de-France")).contains(Region.ILE_DE_FRANCE);
        assertThat(Region.parse("ile de france")).contains(Region.ILE_DE_FRANCE);
        assertThat(Region.parse("76")).contains(Region.OCCITANIE);
        assertThat(Region.parse("LA_REUNION")).contains(Region.LA_REUNION);
        assertThat(Region.parse("la réunion")).contains(Region.LA_REUNION);
        assertThat(Region.parse("Atlantide")).isEmpty();
        assertThat(Region.parse("  ")).isEmpty();
    }
}
