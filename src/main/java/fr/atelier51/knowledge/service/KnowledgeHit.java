package fr.atelier51.knowledge.service;

import fr.atelier51.knowledge.domain.SourceKind;

import java.time.LocalDate;
import java.util.List;

/**
 * One passage found: where it comes from, how to cite it and where to open it.
 *
 * @param ref         normalised article reference for official texts (e.g. {@code L162-31-1}), else null
 * @param noteId      note id (file name without .md) for notes, else null
 * @param uploadId    id of the uploaded document, else null
 * @param anchor      place in the unit: "II, 1°" in an article, the section slug in a note
 * @param snippetHtml text escaped for HTML element content, the query terms in {@code <mark>}
 * @param since       start of the in-force version (official texts) or last review date (notes)
 * @param citation    ready to paste: "CSS, art. L.162-31-1, version en vigueur depuis le 01/01/2025"
 * @param url         path of the passage in the app ("/knowledge/articles/L162-31-1", "/knowledge/notes/…#…")
 * @param externalUrl Légifrance page for official texts, else null
 */
public record KnowledgeHit(SourceKind source, String ref, String noteId, Long uploadId, String codeId, String codeShort, String title,
                           List<String> breadcrumb, String anchor, String snippetHtml, boolean inForce, String etat,
                           LocalDate since, String citation, String url, String externalUrl, boolean core, float score) {
}
