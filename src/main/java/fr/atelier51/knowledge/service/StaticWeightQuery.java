package fr.atelier51.knowledge.service;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.Objects;

/**
 * Multiplies the scores of a query by each passage's static weight (a float stored as doc values: Article 51 core,
 * notes, not in force), so the ranking is one Lucene query and the top k comes straight out of the searcher.
 * Unlike {@code FunctionScoreQuery}, it keeps dynamic pruning: the weight is bounded by {@code maxWeight}, so the
 * wrapped scorer's max scores are scaled by that bound and minimum competitive scores divided by it.
 */
final class StaticWeightQuery extends Query {

    private final Query in;
    private final String field;
    private final float maxWeight;

    StaticWeightQuery(Query in, String field, float maxWeight) {
        if (!(maxWeight > 0)) {
            throw new IllegalArgumentException("maxWeight must be positive");
        }
        this.in = Objects.requireNonNull(in);
        this.field = Objects.requireNonNull(field);
        this.maxWeight = maxWeight;
    }

    Query wrapped() {
        return in;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = in.rewrite(searcher);
        return rewritten == in ? this : new StaticWeightQuery(rewritten, field, maxWeight);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = in.createWeight(searcher, scoreMode, boost);
        if (!scoreMode.needsScores()) {
            return inner;
        }
        return new FilterWeight(this, inner) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = in.scorerSupplier(context);
                if (supplier == null) {
                    return null;
                }
                NumericDocValues weights = context.reader().getNumericDocValues(field);
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        Scorer scorer = supplier.get(leadCost);
                        return weights == null ? scorer : new WeightedScorer(scorer, weights, maxWeight);
                    }

                    @Override
                    public BulkScorer bulkScorer() throws IOException {
                        // keeps the wrapped query's own bulk scorer (e.g. MaxScore for disjunctions): the weight is
                        // applied in the collector, the competitive score passed down divided by the bound
                        BulkScorer bulk = supplier.bulkScorer();
                        return weights == null ? bulk : new WeightedBulkScorer(bulk, weights, maxWeight);
                    }

                    @Override
                    public long cost() {
                        return supplier.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        supplier.setTopLevelScoringClause();
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Explanation e = in.explain(context, doc);
                if (!e.isMatch()) {
                    return e;
                }
                float w = weightOf(context.reader().getNumericDocValues(field), doc);
                return Explanation.match(e.getValue().floatValue() * w, "static weight " + w + " ×", e);
            }
        };
    }

    private static float weightOf(NumericDocValues weights, int doc) throws IOException {
        return weights != null && weights.advanceExact(doc) ? Float.intBitsToFloat((int) weights.longValue()) : 1f;
    }

    private static final class WeightedScorer extends FilterScorer {
        private final NumericDocValues weights;
        private final float maxWeight;

        WeightedScorer(Scorer in, NumericDocValues weights, float maxWeight) {
            super(in);
            this.weights = weights;
            this.maxWeight = maxWeight;
        }

        @Override
        public float score() throws IOException {
            return in.score() * weightOf(weights, docID());
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo) * maxWeight;
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            // rounded down: the inner scorer must never skip a document that could still be competitive
            in.setMinCompetitiveScore(Math.nextDown(minScore / maxWeight));
        }
    }

    private static final class WeightedBulkScorer extends BulkScorer {
        private final BulkScorer in;
        private final NumericDocValues weights;
        private final float maxWeight;

        WeightedBulkScorer(BulkScorer in, NumericDocValues weights, float maxWeight) {
            this.in = in;
            this.weights = weights;
            this.maxWeight = maxWeight;
        }

        @Override
        public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
            return in.score(new LeafCollector() {
                private float weight = 1f;
                private Scorable scorer;

                @Override
                public void setScorer(Scorable inner) throws IOException {
                    scorer = inner;
                    collector.setScorer(new Scorable() {
                        @Override
                        public float score() throws IOException {
                            return scorer.score() * weight;
                        }

                        @Override
                        public void setMinCompetitiveScore(float minScore) throws IOException {
                            scorer.setMinCompetitiveScore(Math.nextDown(minScore / maxWeight));
                        }
                    });
                }

                @Override
                public void collect(int doc) throws IOException {
                    weight = weightOf(weights, doc);
                    collector.collect(doc);
                }

                @Override
                public DocIdSetIterator competitiveIterator() throws IOException {
                    return collector.competitiveIterator();
                }

                @Override
                public void finish() throws IOException {
                    collector.finish();
                }
            }, acceptDocs, min, max);
        }

        @Override
        public long cost() {
            return in.cost();
        }
    }

    @Override
    public String toString(String f) {
        return "weighted(" + in.toString(f) + ", " + field + " ≤ " + maxWeight + ")";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && in.equals(((StaticWeightQuery) o).in) && field.equals(((StaticWeightQuery) o).field)
                && maxWeight == ((StaticWeightQuery) o).maxWeight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), in, field, maxWeight);
    }
}
