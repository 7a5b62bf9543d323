package fr.atelier51.knowledge.service;

import fr.atelier51.knowledge.domain.SourceKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * A search as the user asked it.
 *
 * @param sources     empty means every kind
 * @param codeId      restricts official texts to one code (LEGITEXT id); null for all
 * @param inForceOnly official texts in force today only (the default)
 */
public record KnowledgeQuery(String text, int limit, Set<SourceKind> sources, String codeId, boolean inForceOnly) {

    public static final int MAX_LIMIT = 100;

    public KnowledgeQuery {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        sources = sources == null || sources.isEmpty() ? EnumSet.allOf(SourceKind.class) : EnumSet.copyOf(sources);
        codeId = codeId == null || codeId.isBlank() ? null : codeId.strip();
    }

    public static KnowledgeQuery of(String text, int limit) {
        return new KnowledgeQuery(text, limit, null, null, true);
    }
}
