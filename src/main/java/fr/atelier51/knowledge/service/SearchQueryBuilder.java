package fr.atelier51.knowledge.service;

import fr.atelier51.knowledge.domain.ArticleRefs;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.atelier51.knowledge.service.KnowledgeFields.*;

/**
 * Turns a sanitised query text into the Lucene query of a search: article references, the words on the text,
 * title and breadcrumb fields, a proximity bonus, quoted phrases, the domain's synonyms and the words near a typo.
 * User input never reaches a query parser, so no syntax can break it. Thread-safe (its caches are concurrent).
 */
final class SearchQueryBuilder {

    private static final Pattern QUOTES = Pattern.compile("[\"«»“”]");
    private static final Pattern QUOTED = Pattern.compile("[\"«“]([^\"«»“”]{2,200})[\"»”]");

    private final Analyzer analyzer = FrenchAnalyzers.perField();

    /**
     * The query for a text and the terms of its snippets: only the text field's terms, so that the snippets
     * reads their offsets from the postings and needs no per-document matching of the whole query.
     */
    record Built(Query main, List<String> highlight, Map<String, TermStates> textStates) {
    }

    /** Query terms up to which a proximity bonus (all the words within a few positions) is added. */
    static final int MAX_PROXIMITY_TERMS = 5;

    /**
     * The query for a sanitised text; fuzzy matching only for words the index does not know (typos). Its term
     * queries look their terms up when the query is run, as any Lucene query does.
     */
    Optional<Built> build(String text, IndexSearcher searcher) throws IOException {
        return build(text, searcher, ArticleRefs.inQuery(text), ArticleRefs.bareNumber(text), false);
    }

    /**
     * With {@code lookUpTextTerms}, each word of the text field is looked up in the term dictionary once, here:
     * its query, the typo check (is the word in the index?) and the snippets then reuse that lookup.
     */
    Optional<Built> build(String text, IndexSearcher searcher, ArticleRefs.InQuery found, Optional<String> bare,
                          boolean lookUpTextTerms) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<String> highlightTerms = new LinkedHashSet<>();
        int clauses = 0;
        Set<String> refs = new LinkedHashSet<>(found.refs());
        if (refs.isEmpty()) {
            bare.ifPresent(n -> refs.addAll(List.of("L" + n, "R" + n, "D" + n)));
        }
        for (String ref : refs) {
            b.add(new BoostQuery(new TermQuery(new Term(REF, ref)), 8f), Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(CITED, ref)), 1.5f), Occur.SHOULD);
            clauses += 2;
        }
        String folded = DomainSynonyms.fold(text);
        if (DomainSynonyms.mentionsArticle51Folded(folded)) {
            b.add(new BoostQuery(new TermQuery(new Term(REF, LegiDataReader.CORE)), 3f), Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(CITED, LegiDataReader.CORE)), 0.5f), Occur.SHOULD);
            clauses += 2;
        }
        String words = bare.isPresent() ? "" : found.rest();
        QueryBuilder qb = new QueryBuilder(analyzer);
        Matcher quoted = QUOTED.matcher(words);
        while (quoted.find()) {
            add(b, qb.createPhraseQuery(TEXT, quoted.group(1), 0), 3f);
            // quotes ask for these very words: the unstemmed, accent-sensitive field rewards them (only here: for
            // plain words it doubled the clauses, hence the search time, for no measurable gain in the suite)
            add(b, qb.createPhraseQuery(EXACT, quoted.group(1), 0), 1f);
        }
        String plain = QUOTES.matcher(words).replaceAll(" ");
        FrenchAnalyzers.Positioned tokens = FrenchAnalyzers.positioned(analyzer, TEXT, plain);
        List<String> textTerms = tokens != null ? tokens.terms() : FrenchAnalyzers.terms(analyzer, TEXT, plain);
        if (textTerms.size() > 64) {
            textTerms = textTerms.subList(0, 64);
            plain = String.join(" ", textTerms);
            tokens = tokens == null ? null : tokens.first(64);
        }
        highlightTerms.addAll(textTerms);
        Map<String, TermStates> states = new HashMap<>();
        if (lookUpTextTerms) {
            for (String term : textTerms) {
                if (!states.containsKey(term)) {
                    states.put(term, TermStates.build(searcher, new Term(TEXT, term), true));
                }
            }
        }
        if (!textTerms.isEmpty()) {
            // one clause per word and field (what QueryBuilder makes, flattened), from one analysis per analyzer:
            // the text, title and crumbs fields share the text analyzer
            for (String term : textTerms) {
                TermStates known = states.get(term);
                b.add(known == null ? new TermQuery(new Term(TEXT, term)) : new TermQuery(new Term(TEXT, term), known), Occur.SHOULD);
            }
            clauses += textTerms.size();
            clauses += addTerms(b, TITLE, textTerms, 1.2f);
            clauses += addTerms(b, CRUMBS, textTerms, 0.3f);
            // words close together (a short expression such as « maison de santé pluriprofessionnelle »): in a long
            // question the proximity of all its words is rare and costly to check, and it did not change the suite
            if (textTerms.size() >= 2 && textTerms.size() <= MAX_PROXIMITY_TERMS) {
                clauses += add(b, tokens != null ? tokens.phrase(TEXT, 3) : qb.createPhraseQuery(TEXT, plain, 3), 1.5f);
            }
            for (String term : new HashSet<>(textTerms)) {
                if (term.length() >= 5 && !term.chars().allMatch(Character::isDigit)
                        && (states.containsKey(term) ? states.get(term).docFreq() : reader.docFreq(new Term(TEXT, term))) == 0) {
                    Near near = nearWords(searcher, term);
                    if (near != null) {
                        b.add(new BoostQuery(near.query(), 0.2f), Occur.SHOULD);
                        clauses++;
                        highlightTerms.addAll(near.likely());
                    }
                }
            }
        }
        for (String expansion : DomainSynonyms.expansionsOfFolded(folded)) {
            Expansion e = expansionQueries.computeIfAbsent(expansion, form -> {
                Optional<String> token = IndexedForms.DOMAIN.token(form);
                return new Expansion(FrenchAnalyzers.terms(analyzer, TEXT, form),
                        token.<Query>map(t -> new TermQuery(new Term(FORMS, t))).orElseGet(() -> qb.createPhraseQuery(TEXT, form, 1)),
                        token.isPresent() ? FORM_BOOST : 0.7f, qb.createPhraseQuery(TITLE, form, 1));
            });
            highlightTerms.addAll(e.terms());
            clauses += add(b, e.text(), e.textBoost());
            clauses += add(b, e.title(), 0.7f);
        }
        if (clauses == 0) {
            return Optional.empty();
        }
        return Optional.of(new Built(b.build(), highlightTerms.stream().limit(64).toList(), states));
    }

    /** Known words tried for a word the index does not know, as FuzzyQuery's maximum expansions. */
    static final int MAX_TYPO_EXPANSIONS = 20;

    private volatile TextVocabulary vocabulary;

    private TextVocabulary vocabulary(IndexReader reader) throws IOException {
        TextVocabulary v = vocabulary;
        if (v == null || !v.isFor(reader)) {
            synchronized (this) {
                v = vocabulary;
                if (v == null || !v.isFor(reader)) {
                    v = TextVocabulary.of(reader, TEXT);
                    vocabulary = v;
                }
            }
        }
        return v;
    }

    /** Corrections of a typo marked in the snippets: the most frequent of the words near it. */
    static final int TYPO_CORRECTIONS_MARKED = 2;

    /** The query of the words near a typo, and the likeliest of them (the most frequent), marked in the snippets. */
    private record Near(Query query, List<String> likely) {
    }

    /**
     * The words one edit away from a typo (first two letters kept), scored as Lucene's FuzzyQuery scores them: each
     * weighted by its closeness, all with the same document frequency (the highest of them), so a rare word is not
     * preferred for being rare. Null when no word is close.
     */
    private Near nearWords(IndexSearcher searcher, String typo) throws IOException {
        List<String> words = vocabulary(searcher.getIndexReader()).oneEditFrom(typo, 2, MAX_TYPO_EXPANSIONS);
        if (words.isEmpty()) {
            return null;
        }
        List<TermStates> states = new ArrayList<>(words.size());
        int docFreq = 0;
        long totalTermFreq = 0;
        for (String word : words) {
            TermStates ts = TermStates.build(searcher, new Term(TEXT, word), true);
            states.add(ts);
            docFreq = Math.max(docFreq, ts.docFreq());
            totalTermFreq = Math.max(totalTermFreq, ts.totalTermFreq());
        }
        var top = searcher.getIndexReader().getContext();
        BooleanQuery.Builder near = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            TermStates blended = new TermStates(top);
            for (var leaf : top.leaves()) {
                var state = states.get(i).get(leaf);
                if (state != null && state.get() != null) {
                    blended.register(state.get(), leaf.ord);
                }
            }
            blended.accumulateStatistics(docFreq, totalTermFreq);
            float closeness = 1f - 1f / Math.min(words.get(i).length(), typo.length());
            near.add(new BoostQuery(new TermQuery(new Term(TEXT, words.get(i)), blended), closeness), Occur.SHOULD);
        }
        List<Integer> byFrequency = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            byFrequency.add(i);
        }
        byFrequency.sort((x, y) -> Integer.compare(states.get(y).docFreq(), states.get(x).docFreq()));
        List<String> likely = byFrequency.stream().limit(TYPO_CORRECTIONS_MARKED).map(words::get).toList();
        return new Near(near.build(), likely);
    }

    /**
     * Weight of a multi-word synonym form found in the text (a term of the forms field, see {@link IndexedForms});
     * the phrase it replaces scored with the sum of its words' rarity, the token with its own, hence more than the
     * 0.7 of the other expansions. Tuned on the relevance suite.
     */
    static final float FORM_BOOST = 1f;

    /** A synonym form's analysed terms and queries (boosts included): the forms are a fixed list, each analysed once. */
    private record Expansion(List<String> terms, Query text, float textBoost, Query title) {
    }

    private final Map<String, Expansion> expansionQueries = new ConcurrentHashMap<>();

    private static int addTerms(BooleanQuery.Builder b, String field, List<String> terms, float boost) {
        for (String term : terms) {
            Query q = new TermQuery(new Term(field, term));
            b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        }
        return terms.size();
    }

    /**
     * Adds a SHOULD clause; a pure disjunction (one term per word) is flattened into the top-level query with the
     * same boost, which scores identically but lets dynamic pruning skip each word's postings separately.
     */
    private static int add(BooleanQuery.Builder b, Query q, float boost) {
        if (q == null) {
            return 0;
        }
        if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0
                && bq.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)) {
            for (var clause : bq.clauses()) {
                b.add(boost == 1f ? clause.query() : new BoostQuery(clause.query(), boost), Occur.SHOULD);
            }
            return bq.clauses().size();
        }
        b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        return 1;
    }
}
