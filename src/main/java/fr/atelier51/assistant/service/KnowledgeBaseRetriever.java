package fr.atelier51.assistant.service;

import fr.atelier51.knowledge.service.KnowledgeHit;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import org.jsoup.Jsoup;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The assistant's citations come from the Lucene knowledge base (official texts and our notes). While the index is
 * still being built at start-up, the notes-only retriever answers instead, so a free question never goes unanswered.
 */
@Component
@Primary
public class KnowledgeBaseRetriever implements PassageRetriever {

    private static final int SNIPPET_MAX = 320;

    private final KnowledgeSearchService search;
    private final MarkdownNotesRetriever whileIndexing;

    public KnowledgeBaseRetriever(KnowledgeSearchService search, MarkdownNotesRetriever whileIndexing) {
        this.search = search;
        this.whileIndexing = whileIndexing;
    }

    @Override
    public List<Passage> retrieve(String query, int limit) {
        if (!search.isReady()) {
            return whileIndexing.retrieve(query, limit);
        }
        return search.search(query, limit).stream().map(KnowledgeBaseRetriever::toPassage).toList();
    }

    private static Passage toPassage(KnowledgeHit hit) {
        String snippet = hit.snippetHtml() == null ? "" : Jsoup.parse(hit.snippetHtml()).text();
        if (snippet.length() > SNIPPET_MAX) {
            snippet = snippet.substring(0, SNIPPET_MAX - 1) + "…";
        }
        return new Passage(hit.citation(), hit.url(), snippet);
    }
}
