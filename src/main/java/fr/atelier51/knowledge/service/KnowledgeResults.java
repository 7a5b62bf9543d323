package fr.atelier51.knowledge.service;

import java.util.List;

/**
 * The answer to a search.
 *
 * @param total      passages matching (before grouping by article or note)
 * @param totalExact false when {@code total} is a lower bound: past a thousand matches the search stops counting
 *                   and skips passages that cannot reach the page
 * @param jumpTo     when the query is just an article reference we have: the article's path
 * @param messageKey an i18n key explaining an empty answer (empty query, index being built…), else null
 */
public record KnowledgeResults(long total, boolean totalExact, long tookMs, List<KnowledgeHit> hits, String jumpTo, String messageKey,
                               boolean indexing) {

    static KnowledgeResults message(String key, long tookMs, boolean indexing) {
        return new KnowledgeResults(0, true, tookMs, List.of(), null, key, indexing);
    }
}
