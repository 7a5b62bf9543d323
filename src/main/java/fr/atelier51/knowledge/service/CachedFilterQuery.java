package fr.atelier51.knowledge.service;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A filter computed once per index segment and kept as a bit set. The search filters (passages, in force today,
 * source kinds, code) are the same for almost every query, but their point ranges cost a BKD walk per query and
 * Lucene's query cache declines to cache them next to a selective text query; here a search only tests bits.
 * Entries go away with their segment.
 */
final class CachedFilterQuery extends Query {

    private final Query filter;
    private final Map<IndexReader.CacheKey, FixedBitSet> bySegment = new ConcurrentHashMap<>();

    CachedFilterQuery(Query filter) {
        this.filter = Objects.requireNonNull(filter);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                FixedBitSet bits = bits(searcher, context);
                int cardinality = bits.cardinality();
                if (cardinality == 0) {
                    return null;
                }
                float score = score();
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) {
                        return new ConstantScoreScorer(score, scoreMode, new BitSetIterator(bits, cardinality));
                    }

                    @Override
                    public long cost() {
                        return cardinality;
                    }
                };
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false; // cached here already
            }
        };
    }

    /**
     * The documents of a segment that pass the filter and are not deleted, for {@code BulkScorer.score}; null when
     * none does. Given as accepted documents, the filter costs a bit test per candidate: as a required clause it
     * made the top-k scorer leapfrog between the filter and the words' postings (12 % of the collection time).
     */
    Bits acceptDocs(IndexSearcher searcher, LeafReaderContext context) throws IOException {
        FixedBitSet bits = bits(searcher, context);
        if (bits.nextSetBit(0) == DocIdSetIterator.NO_MORE_DOCS) {
            return null;
        }
        Bits live = context.reader().getLiveDocs();
        if (live == null) {
            return bits;
        }
        return new Bits() {
            @Override
            public boolean get(int index) {
                return bits.get(index) && live.get(index);
            }

            @Override
            public int length() {
                return bits.length();
            }
        };
    }

    private FixedBitSet bits(IndexSearcher searcher, LeafReaderContext context) throws IOException {
        IndexReader.CacheHelper helper = context.reader().getCoreCacheHelper();
        if (helper == null) {
            return compute(searcher, context);
        }
        FixedBitSet bits = bySegment.get(helper.getKey());
        if (bits == null) {
            bits = compute(searcher, context);
            if (bySegment.putIfAbsent(helper.getKey(), bits) == null) {
                helper.addClosedListener(bySegment::remove);
            }
        }
        return bits;
    }

    private FixedBitSet compute(IndexSearcher searcher, LeafReaderContext context) throws IOException {
        FixedBitSet bits = new FixedBitSet(context.reader().maxDoc());
        Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Scorer scorer = weight.scorer(context);
        if (scorer != null) {
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                bits.set(doc);
            }
        }
        return bits;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "cached(" + filter.toString(field) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && filter.equals(((CachedFilterQuery) o).filter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), filter);
    }
}
