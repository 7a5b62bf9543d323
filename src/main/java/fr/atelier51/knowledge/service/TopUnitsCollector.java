package fr.atelier51.knowledge.service;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;

/**
 * Collects the best passage of each of the top {@code k} units of citation (an article, a note, a document) in
 * one pass: several passages of a long article no longer crowd out other articles, so no second, larger search
 * is needed. Once {@link #COUNT_THRESHOLD} hits are counted, the k-th best unit's score is passed down as the
 * minimum competitive score, so dynamic pruning works as for a plain top-k search (the total is then a lower
 * bound, as with Lucene's own top-k collector).
 * <p>A unit is keyed by its segment and its ordinal in the unit doc values, never by its string: the index adds
 * each unit's documents as one block, which Lucene keeps in one segment. With k around ten, flat arrays scanned
 * in full beat a heap plus a map (no boxing, no allocation per hit).
 */
final class TopUnitsCollector implements Collector {

    /** Hits counted exactly before pruning starts (the default of {@code IndexSearcher.search(query, n)}). */
    static final int COUNT_THRESHOLD = 1000;

    private final int k;
    private final String unitField;
    private final long[] units;
    private final float[] scores;
    private final int[] docs;
    private int size;
    /** Slot of the weakest entry (lowest score; on equal scores the later document, as in Lucene's top-k). */
    private int weakest;
    private long totalHits;
    private boolean totalIsExact = true;
    /** Last minimum passed to the scorer: it is told only when the bar rises. */
    private float minCompetitive;

    TopUnitsCollector(int k, String unitField) {
        this.k = k;
        this.unitField = unitField;
        this.units = new long[k];
        this.scores = new float[k];
        this.docs = new int[k];
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        SortedDocValues unitValues = context.reader().getSortedDocValues(unitField);
        int docBase = context.docBase;
        long segment = (long) context.ord << 32;
        minCompetitive = 0;
        return new LeafCollector() {
            private Scorable scorer;

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                this.scorer = scorer;
                updateMinCompetitive(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                totalHits++;
                float score = scorer.score();
                if (size == k && !beats(score, docBase + doc, weakest)) {
                    return;
                }
                // a passage without a unit is its own unit (negative keys never meet a segment's ordinals)
                long unit = unitValues != null && unitValues.advanceExact(doc)
                        ? segment | unitValues.ordValue() : -1L - (docBase + doc);
                offer(unit, score, docBase + doc);
                if (totalHits > COUNT_THRESHOLD) {
                    totalIsExact = false;
                }
                updateMinCompetitive(scorer);
            }
        };
    }

    private void updateMinCompetitive(Scorable scorer) throws IOException {
        if (!totalIsExact && size == k) {
            // documents come in order and an equal score loses to the earlier document: only the next float competes
            float bar = Math.nextUp(scores[weakest]);
            if (bar > minCompetitive) {
                scorer.setMinCompetitiveScore(bar);
                minCompetitive = bar;
            }
        }
    }

    /** Whether a hit ranks above the entry in a slot (higher score, or equal score and earlier document). */
    private boolean beats(float score, int doc, int slot) {
        return score > scores[slot] || (score == scores[slot] && doc < docs[slot]);
    }

    private void offer(long unit, float score, int doc) {
        for (int i = 0; i < size; i++) {
            if (units[i] == unit) {
                if (beats(score, doc, i)) {
                    scores[i] = score;
                    docs[i] = doc;
                    if (i == weakest) {
                        findWeakest();
                    }
                }
                return;
            }
        }
        if (size < k) {
            units[size] = unit;
            scores[size] = score;
            docs[size] = doc;
            size++;
            findWeakest();
            return;
        }
        if (beats(score, doc, weakest)) {
            units[weakest] = unit;
            scores[weakest] = score;
            docs[weakest] = doc;
            findWeakest();
        }
    }

    private void findWeakest() {
        int w = 0;
        for (int i = 1; i < size; i++) {
            if (beats(scores[w], docs[w], i)) {
                w = i;
            }
        }
        weakest = w;
    }

    /** The best passage of each top unit, best first. */
    ScoreDoc[] top() {
        ScoreDoc[] out = new ScoreDoc[size];
        for (int i = 0; i < size; i++) {
            out[i] = new ScoreDoc(docs[i], scores[i]);
        }
        Arrays.sort(out, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return out;
    }

    long totalHits() {
        return totalHits;
    }

    boolean totalIsExact() {
        return totalIsExact;
    }

    /**
     * The top {@code k} units of a query among the documents a filter accepts. The filter is given to the bulk
     * scorer as accepted documents (see {@link CachedFilterQuery#acceptDocs}) instead of being a required clause:
     * same hits, same scores, less work.
     */
    static TopUnitsCollector search(IndexSearcher searcher, Query query, CachedFilterQuery filter, int k, String unitField)
            throws IOException {
        TopUnitsCollector top = new TopUnitsCollector(k, unitField);
        Weight weight = searcher.createWeight(searcher.rewrite(query), top.scoreMode(), 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits accepted = filter.acceptDocs(searcher, leaf);
            BulkScorer scorer = accepted == null ? null : weight.bulkScorer(leaf);
            if (scorer != null) {
                LeafCollector collector = top.getLeafCollector(leaf);
                scorer.score(collector, accepted, 0, DocIdSetIterator.NO_MORE_DOCS);
                collector.finish();
            }
        }
        return top;
    }

    /** For {@code IndexSearcher.search}: a collector per slice, merged by unit. */
    static CollectorManager<TopUnitsCollector, TopUnitsCollector> manager(int k, String unitField) {
        return new CollectorManager<>() {
            @Override
            public TopUnitsCollector newCollector() {
                return new TopUnitsCollector(k, unitField);
            }

            @Override
            public TopUnitsCollector reduce(Collection<TopUnitsCollector> collectors) {
                if (collectors.size() == 1) {
                    return collectors.iterator().next();
                }
                TopUnitsCollector merged = new TopUnitsCollector(k, unitField);
                for (TopUnitsCollector c : collectors) {
                    merged.totalHits += c.totalHits;
                    merged.totalIsExact &= c.totalIsExact;
                    for (int i = 0; i < c.size; i++) {
                        merged.offer(c.units[i], c.scores[i], c.docs[i]);
                    }
                }
                return merged;
            }
        };
    }
}
