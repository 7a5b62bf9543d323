package fr.atelier51.knowledge.service;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The words of the text field of one index reader, in memory and sorted, to find the words one edit away from a
 * word the index does not know (a typo): « exeprimentation » → « experiment ». Lucene's FuzzyQuery builds two
 * Levenshtein automata per typo and compiles them to UTF-8 before walking the term dictionary: a tenth of a
 * millisecond per typo, the costliest part of a misspelled query. The vocabulary is small (about 15,000 stems for
 * the CSS and the Code du travail), so the words sharing the typo's first letters are compared directly.
 */
final class TextVocabulary {

    private final IndexReader reader;
    private final String[] words;

    private TextVocabulary(IndexReader reader, String[] words) {
        this.reader = reader;
        this.words = words;
    }

    static TextVocabulary of(IndexReader reader, String field) throws IOException {
        List<String> words = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                words.add(term.utf8ToString());
            }
        }
        String[] sorted = words.toArray(String[]::new);
        Arrays.sort(sorted); // UTF-16 order, which differs from the index's UTF-8 order beyond U+FFFF only
        return new TextVocabulary(reader, sorted);
    }

    boolean isFor(IndexReader r) {
        return reader == r;
    }

    /**
     * The known words at one edit from {@code typo} (a letter added, removed, replaced, or two neighbours swapped:
     * what FuzzyQuery calls one edit with transpositions), that begin with its first {@code prefixLength} letters;
     * the closest first — the longest, as FuzzyQuery weighs one edit against the shorter word's length — at most
     * {@code max}.
     */
    List<String> oneEditFrom(String typo, int prefixLength, int max) {
        if (typo.length() < prefixLength) {
            return List.of();
        }
        String prefix = typo.substring(0, prefixLength);
        int from = Arrays.binarySearch(words, prefix);
        if (from < 0) {
            from = -from - 1;
        }
        List<String> near = new ArrayList<>();
        for (int i = from; i < words.length && words[i].startsWith(prefix); i++) {
            String w = words[i];
            if (Math.abs(w.length() - typo.length()) <= 1 && !w.equals(typo) && oneEdit(typo, w)) {
                near.add(w);
            }
        }
        near.sort(Comparator.comparingInt((String w) -> -Math.min(w.length(), typo.length())).thenComparing(w -> w));
        return near.size() > max ? near.subList(0, max) : near;
    }

    /** Whether two different words are one insertion, deletion, substitution or adjacent transposition apart. */
    static boolean oneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (i == la) {
                return false; // equal
            }
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true; // one letter replaced
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2); // two neighbours swapped
        }
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
    }
}
