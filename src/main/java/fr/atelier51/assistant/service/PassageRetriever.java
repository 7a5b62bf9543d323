package fr.atelier51.assistant.service;

import java.util.List;

/**
 * The assistant's window on the knowledge base. The default implementation reads our Markdown notes; the
 * Lucene search of {@code fr.atelier51.knowledge} will replace it (declare that adapter {@code @Primary}).
 */
public interface PassageRetriever {

    /** The best passages for a free-text query, best first; never null, empty when nothing matches. */
    List<Passage> retrieve(String query, int limit);
}
