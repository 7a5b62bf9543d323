package fr.atelier51.knowledge.service;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Collects the best passage of each of the top {@code k} units of citation (an article, a note, a document) in
 * one pass: several passages of a long article no longer crowd out other articles, so no second, larger search
 * is needed. Once {@link #COUNT_THRESHOLD} hits are counted, the k-th best unit's score is passed down as the
 * minimum competitive score, so dynamic pruning works as for a plain top-k search (the total is then a lower
 * bound, as with Lucene's own top-k collector).
 * <p>A unit is keyed by its segment and its ordinal in the unit doc values, never by its string: the index adds
 * each unit's documents as one block, which Lucene keeps in one segment.
 */
final class TopUnitsCollector implements Collector {

    /** Hits counted exactly before pruning starts (the default of {@code IndexSearcher.search(query, n)}). */
    static final int COUNT_THRESHOLD = 1000;

    private static final class Entry {
        final long unit;
        float score;
        int doc;

        Entry(long unit, float score, int doc) {
            this.unit = unit;
            this.score = score;
            this.doc = doc;
        }
    }

    private final int k;
    private final String unitField;
    // weakest first; on equal scores the later document is the weaker (as in Lucene's top-k)
    private final PriorityQueue<Entry> heap = new PriorityQueue<>((a, b) -> a.score != b.score
            ? Float.compare(a.score, b.score) : Integer.compare(b.doc, a.doc));
    private final Map<Long, Entry> byUnit = new HashMap<>();
    private long totalHits;
    private boolean totalIsExact = true;

    TopUnitsCollector(int k, String unitField) {
        this.k = k;
        this.unitField = unitField;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        SortedDocValues units = context.reader().getSortedDocValues(unitField);
        int docBase = context.docBase;
        long segment = (long) context.ord << 32;
        return new LeafCollector() {
            private Scorable scorer;

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                this.scorer = scorer;
                if (!totalIsExact && heap.size() == k) {
                    scorer.setMinCompetitiveScore(heap.peek().score);
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                totalHits++;
                float score = scorer.score();
                if (heap.size() == k && score <= heap.peek().score) {
                    return;
                }
                // a passage without a unit is its own unit (negative keys never meet a segment's ordinals)
                long unit = units != null && units.advanceExact(doc) ? segment | units.ordValue() : -1L - (docBase + doc);
                offer(unit, score, docBase + doc);
                if (totalHits > COUNT_THRESHOLD) {
                    totalIsExact = false;
                }
                if (!totalIsExact && heap.size() == k) {
                    scorer.setMinCompetitiveScore(heap.peek().score);
                }
            }
        };
    }

    /** The best passage of each top unit, best first. */
    ScoreDoc[] top() {
        List<Entry> entries = new ArrayList<>(heap);
        entries.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return entries.stream().map(e -> new ScoreDoc(e.doc, e.score)).toArray(ScoreDoc[]::new);
    }

    long totalHits() {
        return totalHits;
    }

    boolean totalIsExact() {
        return totalIsExact;
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
                    for (Entry e : c.heap) {
                        merged.offer(e.unit, e.score, e.doc);
                    }
                }
                return merged;
            }
        };
    }

    private void offer(long unit, float score, int doc) {
        Entry e = byUnit.get(unit);
        if (e != null) {
            if (score > e.score) {
                heap.remove(e);
                e.score = score;
                e.doc = doc;
                heap.add(e);
            }
            return;
        }
        if (heap.size() == k) {
            if (score <= heap.peek().score) {
                return;
            }
            byUnit.remove(heap.poll().unit);
        }
        e = new Entry(unit, score, doc);
        heap.add(e);
        byUnit.put(unit, e);
    }
}
