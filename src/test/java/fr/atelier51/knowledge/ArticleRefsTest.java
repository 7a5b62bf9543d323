package fr.atelier51.knowledge;

import fr.atelier51.knowledge.domain.ArticleRefs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleRefsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "L162-31-1|L162-31-1",
            "l. 162-31-1|L162-31-1",
            "L.162-31-1|L162-31-1",
            "l162-31-1|L162-31-1",
            "L 162-31-1|L162-31-1",
            "art. R.162-50-6|R162-50-6",
            "article L 160-13 du CSS|L160-13",
            "Art R. 162-50-6|R162-50-6",
            "D.178-1|D178-1",
            "L.162.31.1|L162-31-1",
            "r162-50-14|R162-50-14",
            "LO.111-3|LO111-3"})
    void normalisesAnySpelling(String typed, String expected) {
        assertThat(ArticleRefs.normalise(typed)).contains(expected);
        assertThat(ArticleRefs.onlyReference(typed)).contains(expected);
    }

    @Test
    void findsReferencesInLegalText() {
        String text = "mentionnées au II de l'article L. 162-31-1, aux articles L. 162-22-3, L. 162-22-3-1 et R.* 162-1 ; "
                + "loi n° 2017-1836 ; article 51";
        assertThat(ArticleRefs.findInText(text)).containsExactly("L162-31-1", "L162-22-3", "L162-22-3-1", "R162-1");
    }

    @Test
    void aQuestionIsNotAReference() {
        assertThat(ArticleRefs.onlyReference("que dit L162-31-1 sur la durée")).isEmpty();
        assertThat(ArticleRefs.findInQuery("que dit L162-31-1 sur la durée")).containsExactly("L162-31-1");
        assertThat(ArticleRefs.onlyReference("article 51")).isEmpty();
        assertThat(ArticleRefs.normalise("lettre d'intention")).isEmpty();
        assertThat(ArticleRefs.bareNumber("162-31-1")).contains("162-31-1");
        assertThat(ArticleRefs.bareNumber("loi 2017-1836")).isEmpty();
    }

    @Test
    void displaysWithTheUsualDot() {
        assertThat(ArticleRefs.display("L162-31-1")).isEqualTo("L.162-31-1");
        assertThat(ArticleRefs.display("LO111-3")).isEqualTo("LO.111-3");
        assertThat(ArticleRefs.display("R162-50-6")).isEqualTo("R.162-50-6");
        assertThat(ArticleRefs.display("D162-1")).isEqualTo("D.162-1");
        assertThat(ArticleRefs.display("A1")).isEqualTo("A.1");
        // not a reference we normalised: shown as it is
        assertThat(ArticleRefs.display("Annexe")).isEqualTo("Annexe");
        assertThat(ArticleRefs.display("L")).isEqualTo("L");
        assertThat(ArticleRefs.display("")).isEqualTo("");
        assertThat(ArticleRefs.display("123")).isEqualTo("123");
    }
}
