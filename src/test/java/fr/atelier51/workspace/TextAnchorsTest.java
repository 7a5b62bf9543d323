package fr.atelier51.workspace;

import fr.atelier51.workspace.domain.TextQuote;
import fr.atelier51.workspace.service.TextAnchors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding a passage again after the text changed around it, inside it, or without it. */
class TextAnchorsTest {

    private static final String TEXT = "Les patients sortent trop tôt. Les patients reviennent aux urgences.";

    private static TextQuote second() {
        int at = TEXT.indexOf("Les patients reviennent");
        return TextQuote.of(TEXT, at, at + "Les patients".length(), 3);
    }

    @Test
    void anEditBeforeThePassageMovesIt() {
        String now = "Constat : " + TEXT;
        TextQuote found = TextAnchors.relocate(second(), TEXT, now, 4, true);
        assertThat(found.offset()).isEqualTo(now.indexOf("Les patients reviennent"));
        assertThat(found.quote()).isEqualTo("Les patients");
        assertThat(found.version()).isEqualTo(4);
    }

    @Test
    void anEditAfterThePassageLeavesItInPlace() {
        String now = TEXT + " Il faut un suivi.";
        TextQuote found = TextAnchors.relocate(second(), TEXT, now, 4, true);
        assertThat(found.offset()).isEqualTo(second().offset());
    }

    @Test
    void insertionsAtTheEdgesStayOutsideThePassage() {
        String now = TEXT.replace("Les patients reviennent", "Alors Les patients âgés reviennent");
        TextQuote found = TextAnchors.relocate(second(), TEXT, now, 4, true);
        assertThat(found.quote()).isEqualTo("Les patients");
        assertThat(found.offset()).isEqualTo(now.indexOf("Les patients âgés"));
    }

    @Test
    void anEditInsideACommentedPassageKeepsTheCommentOnTheNewWording() {
        int at = TEXT.indexOf("sortent trop tôt");
        TextQuote anchor = TextQuote.of(TEXT, at, at + "sortent trop tôt".length(), 3);
        String now = TEXT.replace("sortent trop tôt", "sortent bien trop tôt");
        TextQuote found = TextAnchors.relocate(anchor, TEXT, now, 4, true);
        assertThat(found.quote()).isEqualTo("sortent bien trop tôt");
        // A suggestion is about the exact words: changed inside, it no longer applies.
        assertThat(TextAnchors.relocate(anchor, TEXT, now, 4, false)).isNull();
    }

    @Test
    void aDeletedPassageIsOrphanedEvenIfItsWordsAppearElsewhere() {
        int at = TEXT.indexOf("Les patients reviennent");
        TextQuote anchor = TextQuote.of(TEXT, at, at + "Les patients".length(), 3);
        String now = TEXT.replace(" Les patients reviennent aux urgences.", "");
        assertThat(now).contains("Les patients");
        assertThat(TextAnchors.relocate(anchor, TEXT, now, 4, true)).isNull();
    }

    @Test
    void aPassageMovedElsewhereIsFoundByItsQuoteAndContext() {
        String moved = "Les patients reviennent aux urgences. Les patients sortent trop tôt.";
        TextQuote anchor = second();
        // Text at the anchor's version unknown: nearest occurrence, prefix/suffix break ties.
        TextQuote found = TextAnchors.relocate(anchor, null, moved, 4, true);
        assertThat(found).isNotNull();
        assertThat(moved.substring(found.offset(), found.end())).isEqualTo("Les patients");
    }

    @Test
    void withoutTheOldTextTheNearestOccurrenceToTheLastOffsetWins() {
        String text = "bleu rouge bleu rouge bleu";
        TextQuote anchor = new TextQuote("bleu", "rouge ", " rouge", 10, 1);
        assertThat(TextAnchors.relocate(anchor, null, text, 2, true).offset()).isEqualTo(11);
        assertThat(TextAnchors.relocate(anchor, null, "vert", 2, true)).isNull();
    }

    @Test
    void prefixAndSuffixBreakATieBetweenTwoEquallyNearOccurrences() {
        // Two occurrences at the same distance from offset 8 (3 and 13): the one whose context matches wins.
        String text = "xx ab yyy cd ab zz";
        TextQuote anchor = new TextQuote("ab", "cd ", " zz", 8, 1);
        assertThat(TextAnchors.relocate(anchor, null, text, 2, true).offset()).isEqualTo(13);
        TextQuote other = new TextQuote("ab", "xx ", " yyy", 8, 1);
        assertThat(TextAnchors.relocate(other, null, text, 2, true).offset()).isEqualTo(3);
    }

    @Test
    void aRestoredPassageIsFoundAgain() {
        int at = TEXT.indexOf("Les patients reviennent");
        TextQuote anchor = TextQuote.of(TEXT, at, at + "Les patients reviennent".length(), 3);
        String without = TEXT.replace(" Les patients reviennent aux urgences.", "");
        assertThat(TextAnchors.relocate(anchor, TEXT, without, 4, true)).isNull();
        // Orphans keep their anchor (version 3); the text comes back in version 5.
        assertThat(TextAnchors.relocate(anchor, TEXT, TEXT, 5, true).offset()).isEqualTo(at);
    }
}
