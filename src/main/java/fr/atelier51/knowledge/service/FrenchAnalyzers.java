package fr.atelier51.knowledge.service;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The analysis of the knowledge index. Free text ({@link #TEXT}): elision (l', d', qu'…), lower case, French stop
 * words, ASCII folding (so "evaluation" finds "évaluation"), light stemming (plurals, feminines). Exact words
 * ({@link #EXACT}): elision and lower case only, to reward the user's very words.
 */
public final class FrenchAnalyzers {

    /** Bump when the analysis changes: the index fingerprint includes it, so the index is rebuilt. */
    public static final String VERSION = "fr-1";

    /** Elided articles and pronouns, the typographic apostrophe included (StandardTokenizer keeps it in the token). */
    private static final CharArraySet ELISIONS = new CharArraySet(
            Arrays.asList("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

    private static final CharArraySet STOP_WORDS = stopWords();

    private FrenchAnalyzers() {
    }

    public static Analyzer text() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream s = new ApostropheFilter(source);
                s = new ElisionFilter(s, ELISIONS);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, STOP_WORDS);
                s = new ASCIIFoldingFilter(s);
                s = new FrenchLightStemFilter(s);
                return new TokenStreamComponents(source, s);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    public static Analyzer exact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream s = new ApostropheFilter(source);
                s = new ElisionFilter(s, ELISIONS);
                s = new LowerCaseFilter(s);
                return new TokenStreamComponents(source, s);
            }
        };
    }

    /** The analyzer of every field of the index. */
    public static Analyzer perField() {
        Analyzer text = text();
        // the forms field holds tokens made at indexing (IndexedForms), separated by spaces
        return new PerFieldAnalyzerWrapper(text, Map.of(KnowledgeFields.EXACT, exact(),
                KnowledgeFields.FORMS, new org.apache.lucene.analysis.core.WhitespaceAnalyzer()));
    }

    /** The terms an analyzer makes of a text (for tests and for query building). */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * The terms of a text with their positions (gaps where stop words were), from one analysis: a search makes its
     * term clauses and its proximity phrase from the same tokens. Null when two tokens share a position, which
     * these analyzers never do, so a caller can fall back to Lucene's QueryBuilder.
     */
    static Positioned positioned(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            boolean stacked = false;
            while (ts.incrementToken()) {
                stacked |= increment.getPositionIncrement() == 0 && !terms.isEmpty();
                position += increment.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            ts.end();
            return stacked ? null : new Positioned(terms, positions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Terms in text order and the position of each. */
    record Positioned(List<String> terms, List<Integer> positions) {

        Positioned first(int n) {
            return terms.size() <= n ? this : new Positioned(terms.subList(0, n), positions.subList(0, n));
        }

        /** The terms within {@code slop} moves of their positions in the text, as {@code QueryBuilder} makes it. */
        Query phrase(String field, int slop) {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
            for (int i = 0; i < terms.size(); i++) {
                b.add(new Term(field, terms.get(i)), positions.get(i));
            }
            return b.build();
        }
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(FrenchAnalyzer.getDefaultStopSet(), true);
        // Question words people type; they carry no meaning for the search.
        set.addAll(List.of("comment", "quel", "quelle", "quels", "quelles", "quoi", "est-ce", "faut", "peut", "peux",
                "dois", "doit", "mon", "ma", "mes", "notre", "nos"));
        return CharArraySet.unmodifiableSet(set);
    }

    /** Turns the typographic apostrophe into the straight one so elision sees "l’article" as "l'article". */
    static final class ApostropheFilter extends org.apache.lucene.analysis.TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        ApostropheFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                if (buffer[i] == '\u2019' || buffer[i] == '\u02bc') {
                    buffer[i] = '\'';
                }
            }
            return true;
        }
    }
}
