package fr.atelier51.knowledge.service;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking pieces of the search against brute force on a random index: the static weight multiplies scores
 * exactly while pruning stays safe, the per-unit collector returns the best passage of each of the top units, and
 * the cached filter matches what the filter query matches.
 */
class RankingQueryTest {

    private static final String[] WORDS = {"santé", "expérimentation", "dérogation", "financement", "agence",
            "régionale", "innovation", "forfait", "parcours", "évaluation", "patient", "soins"};
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private final Map<Integer, Float> weightOf = new HashMap<>();
    private final Map<Integer, String> unitOf = new HashMap<>();

    @BeforeEach
    void index() throws IOException {
        Random random = new Random(51);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(FrenchAnalyzers.perField()).setMaxBufferedDocs(400))) {
            for (int i = 0; i < 3000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = 1 + random.nextInt(30); n > 0; n--) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                float weight = new float[]{0.6f, 1f, 1.25f, 1.6f, 2f}[random.nextInt(5)];
                String unit = "u" + random.nextInt(600);
                Document d = new Document();
                d.add(new TextField(KnowledgeFields.TEXT, text.toString(), Field.Store.NO));
                d.add(new StringField("kind", random.nextInt(3) == 0 ? "a" : "b", Field.Store.NO));
                d.add(new StringField("tenth", String.valueOf(i % 10), Field.Store.NO));
                d.add(new FloatDocValuesField(KnowledgeFields.WEIGHT, weight));
                d.add(new SortedDocValuesField(KnowledgeFields.UNIT, new BytesRef(unit)));
                w.addDocument(d);
            }
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        // doc ids follow insertion order (no merges with deletions): read the weights and units back
        for (var leaf : reader.leaves()) {
            var weights = leaf.reader().getNumericDocValues(KnowledgeFields.WEIGHT);
            var units = leaf.reader().getSortedDocValues(KnowledgeFields.UNIT);
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                weights.advanceExact(doc);
                units.advanceExact(doc);
                weightOf.put(leaf.docBase + doc, Float.intBitsToFloat((int) weights.longValue()));
                unitOf.put(leaf.docBase + doc, units.lookupOrd(units.ordValue()).utf8ToString());
            }
        }
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        dir.close();
    }

    private static Query words(String... words) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : words) {
            for (String term : FrenchAnalyzers.terms(FrenchAnalyzers.text(), KnowledgeFields.TEXT, w)) {
                b.add(new TermQuery(new Term(KnowledgeFields.TEXT, term)), Occur.SHOULD);
            }
        }
        return b.build();
    }

    /** Every match with its plain score times its weight, best first (ties: lower doc first). */
    private List<ScoreDoc> bruteForce(Query plain) throws IOException {
        List<ScoreDoc> all = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(plain, reader.maxDoc()).scoreDocs) {
            all.add(new ScoreDoc(sd.doc, sd.score * weightOf.get(sd.doc)));
        }
        all.sort(Comparator.<ScoreDoc>comparingDouble(sd -> -sd.score).thenComparingInt(sd -> sd.doc));
        return all;
    }

    @Test
    void theStaticWeightMultipliesScoresAndPruningLosesNothing() throws IOException {
        for (Query plain : List.of(words("santé"), words("dérogation", "financement"), words("parcours", "patient", "soins", "forfait"))) {
            Query weighted = new StaticWeightQuery(plain, KnowledgeFields.WEIGHT, KnowledgeIndex.MAX_WEIGHT);
            ScoreDoc[] top = searcher.search(weighted, 10).scoreDocs;
            List<ScoreDoc> expected = bruteForce(plain).subList(0, 10);
            assertThat(top).hasSize(10);
            for (int i = 0; i < 10; i++) {
                assertThat(top[i].score).isCloseTo(expected.get(i).score, org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void theCollectorKeepsTheBestPassageOfEachTopUnit() throws IOException {
        Query plain = words("innovation", "évaluation");
        Query weighted = new StaticWeightQuery(plain, KnowledgeFields.WEIGHT, KnowledgeIndex.MAX_WEIGHT);
        TopUnitsCollector collector = searcher.search(weighted, TopUnitsCollector.manager(10, KnowledgeFields.UNIT));
        List<ScoreDoc> expected = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (ScoreDoc sd : bruteForce(plain)) {
            if (expected.size() < 10 && !seen.contains(unitOf.get(sd.doc))) {
                seen.add(unitOf.get(sd.doc));
                expected.add(sd);
            }
        }
        ScoreDoc[] top = collector.top();
        assertThat(top).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(unitOf.get(top[i].doc)).isEqualTo(seen.get(i));
            assertThat(top[i].score).isCloseTo(expected.get(i).score, org.assertj.core.data.Offset.offset(1e-4f));
        }
        assertThat(collector.totalHits()).isGreaterThanOrEqualTo(Math.min(bruteForce(plain).size(), TopUnitsCollector.COUNT_THRESHOLD));
    }

    @Test
    void theFilterGivenAsAcceptedDocumentsFindsWhatTheFilterClauseFinds() throws IOException {
        // deleted documents too: the accepted documents must leave them out as the searcher does
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(FrenchAnalyzers.perField()))) {
            w.deleteDocuments(new Term("tenth", "3"));
        }
        reader.close();
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
        assertThat(reader.hasDeletions()).isTrue();
        Query kind = new TermQuery(new Term("kind", "b"));
        for (Query plain : List.of(words("santé"), words("innovation", "évaluation"), words("parcours", "patient", "soins", "forfait"))) {
            Query weighted = new StaticWeightQuery(plain, KnowledgeFields.WEIGHT, KnowledgeIndex.MAX_WEIGHT);
            TopUnitsCollector accepted = TopUnitsCollector.search(searcher, weighted, new CachedFilterQuery(kind), 10,
                    KnowledgeFields.UNIT);
            Query clause = new StaticWeightQuery(new BooleanQuery.Builder().add(plain, Occur.MUST).add(kind, Occur.FILTER).build(),
                    KnowledgeFields.WEIGHT, KnowledgeIndex.MAX_WEIGHT);
            TopUnitsCollector filtered = searcher.search(clause, TopUnitsCollector.manager(10, KnowledgeFields.UNIT));
            ScoreDoc[] top = accepted.top();
            assertThat(top).hasSize(10);
            for (int i = 0; i < top.length; i++) {
                assertThat(top[i].doc).isEqualTo(filtered.top()[i].doc);
                assertThat(top[i].score).isEqualTo(filtered.top()[i].score);
                assertThat(top[i].doc % 10).isNotEqualTo(3);
            }
            assertThat(accepted.totalIsExact()).isEqualTo(filtered.totalIsExact());
            if (filtered.totalIsExact()) {
                assertThat(accepted.totalHits()).isEqualTo(filtered.totalHits());
            } else { // a lower bound once pruning starts, which may start one hit apart
                assertThat(accepted.totalHits()).isGreaterThan(TopUnitsCollector.COUNT_THRESHOLD);
            }
        }
        TopUnitsCollector none = TopUnitsCollector.search(searcher, words("santé"),
                new CachedFilterQuery(new TermQuery(new Term("kind", "no-such-kind"))), 10, KnowledgeFields.UNIT);
        assertThat(none.top()).isEmpty();
    }

    @Test
    void theCachedFilterMatchesWhatItsQueryMatches() throws IOException {
        Query kind = new TermQuery(new Term("kind", "a"));
        CachedFilterQuery cached = new CachedFilterQuery(kind);
        assertThat(searcher.count(cached)).isEqualTo(searcher.count(kind)).isPositive();
        Query filtered = new BooleanQuery.Builder().add(words("agence"), Occur.MUST).add(cached, Occur.FILTER).build();
        Query reference = new BooleanQuery.Builder().add(words("agence"), Occur.MUST).add(kind, Occur.FILTER).build();
        assertThat(searcher.count(filtered)).isEqualTo(searcher.count(reference));
        // second use answers from the per-segment bits, same result
        assertThat(searcher.count(filtered)).isEqualTo(searcher.count(reference));
    }
}
