package fr.atelier51.knowledge;

import fr.atelier51.knowledge.service.DomainSynonyms;
import fr.atelier51.knowledge.service.FrenchAnalyzers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchAnalyzersTest {

    @Test
    void textFieldFoldsAccentsRemovesElisionStopWordsAndStems() {
        var text = FrenchAnalyzers.text();
        assertThat(FrenchAnalyzers.terms(text, "text", "L’évaluation des expérimentations"))
                .isEqualTo(FrenchAnalyzers.terms(text, "text", "evaluation experimentation"));
        assertThat(FrenchAnalyzers.terms(text, "text", "l'article de la loi")).doesNotContain("l", "de", "la");
        assertThat(FrenchAnalyzers.terms(text, "text", "dérogations")).isEqualTo(FrenchAnalyzers.terms(text, "text", "derogation"));
    }

    @Test
    void exactFieldKeepsTheWordsAsWritten() {
        assertThat(FrenchAnalyzers.terms(FrenchAnalyzers.exact(), "exact", "L’Évaluation des dérogations"))
                .containsExactly("évaluation", "des", "dérogations");
    }

    @Test
    void acronymsExpandBothWays() {
        assertThat(DomainSynonyms.expansions("le FISS finance quoi ?")).contains("fonds pour l'innovation du système de santé");
        assertThat(DomainSynonyms.expansions("fonds d'intervention regional")).contains("FIR");
        assertThat(DomainSynonyms.expansions("avis de la has")).contains("Haute Autorité de santé");
        assertThat(DomainSynonyms.mentionsArticle51("expérimentation article 51")).isTrue();
        assertThat(DomainSynonyms.mentionsArticle51("art. 51 LFSS 2018")).isTrue();
        assertThat(DomainSynonyms.mentionsArticle51("article 510")).isFalse();
    }
}
