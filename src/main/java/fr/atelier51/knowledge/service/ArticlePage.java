package fr.atelier51.knowledge.service;

import fr.atelier51.knowledge.domain.LegalArticle;

/**
 * An article ready to show: its data, its text as safe HTML with links to the articles it cites (ours when we
 * have them, Légifrance otherwise) and the query terms in {@code <mark>}, and its citation.
 */
public record ArticlePage(LegalArticle article, String safeHtml, String plainText, boolean inForce, String citation) {
}
