package fr.atelier51.knowledge.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the index marks a multi-word synonym form: what a phrase query of slop one would find, no more. */
class IndexedFormsTest {

    private final IndexedForms forms = new IndexedForms(FrenchAnalyzers.text(),
            List.of("LFSS", "loi de financement de la sécurité sociale", "cinq ans", "agence régionale de santé",
                    "agences régionales de santé"));

    private String lfss() {
        return forms.token("loi de financement de la sécurité sociale").orElseThrow();
    }

    @Test
    void oneWordFormsAreLeftToTheTextField() {
        assertThat(forms.token("LFSS")).isEmpty();
        assertThat(forms.token("cinq ans")).isPresent();
    }

    @Test
    void spellingsThatAnalyseAlikeShareTheirToken() {
        assertThat(forms.token("agence régionale de santé")).isEqualTo(forms.token("agences régionales de santé"));
        assertThat(forms.signature().split(" ")).hasSize(3);
    }

    @Test
    void eachOccurrenceGivesOneToken() {
        String text = "La loi de financement de la sécurité sociale fixe… Chaque année, la Loi de Financement de la "
                + "Sécurité sociale pour 2018 a créé l'article 51.";
        assertThat(forms.tokensOf(text).split(" ")).containsExactly(lfss(), lfss());
    }

    @Test
    void oneExtraOrMissingWordIsToleratedNotMore() {
        assertThat(forms.tokensOf("une durée de cinq longues années")).isEmpty(); // « longues » + another stem
        assertThat(forms.tokensOf("pendant cinq pleines ans")).isEqualTo(forms.token("cinq ans").orElseThrow());
        assertThat(forms.tokensOf("cinq mois puis deux ans")).isEmpty();
        assertThat(forms.tokensOf("la loi de financement de la sécurité")).isEmpty();
        assertThat(forms.tokensOf("")).isEmpty();
        assertThat(forms.tokensOf(null)).isEmpty();
    }

    @Test
    void wordsInAnotherOrderAreNotTheForm() {
        assertThat(forms.tokensOf("ans cinq")).isEmpty();
        assertThat(forms.tokensOf("l'agence de santé régionale")).isEmpty();
    }
}
