package fr.atelier51.knowledge.service;

import org.apache.lucene.index.IndexReader;

/** For benchmarks outside the package: the reader the search service searches (so a baseline shares it). */
public final class BenchReaders {

    private BenchReaders() {
    }

    /** The current reader; valid while the index is not rebuilt (the benchmark never rebuilds it). */
    public static IndexReader current(KnowledgeIndex index) {
        return index.withSearcher(searcher -> searcher.getIndexReader());
    }
}
