package fr.atelier51.knowledge.api;

import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.Messages;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.knowledge.domain.ArticleVersion;
import fr.atelier51.knowledge.domain.LegalArticle;
import fr.atelier51.knowledge.domain.SourceKind;
import fr.atelier51.knowledge.service.ArticlePage;
import fr.atelier51.knowledge.service.KnowledgeHit;
import fr.atelier51.knowledge.service.KnowledgeQuery;
import fr.atelier51.knowledge.service.KnowledgeResults;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** JSON API of the knowledge base (session or HTTP Basic, like all of /api). */
@RestController
@RequestMapping("/api/knowledge")
public class KnowledgeApiController {

    private final KnowledgeSearchService search;
    private final Messages messages;

    public KnowledgeApiController(KnowledgeSearchService search, Messages messages) {
        this.search = search;
        this.messages = messages;
    }

    public record HitJson(String ref, String noteId, Long uploadId, String title, List<String> breadcrumb, String source, String anchor,
                          String snippet, boolean inForce, LocalDate since, String citation, String url, String legifranceUrl) {
        static HitJson of(KnowledgeHit h) {
            return new HitJson(h.ref(), h.noteId(), h.uploadId(), h.title(), h.breadcrumb(), h.source().name(), h.anchor(), h.snippetHtml(),
                    h.inForce(), h.since(), h.citation(), h.url(), h.externalUrl());
        }
    }

    public record SearchJson(long total, boolean totalExact, long tookMs, List<HitJson> hits, String jumpTo, String message, boolean indexing) {
    }

    public record VersionJson(String legiId, String etat, String version, LocalDate from, LocalDate to, String legifranceUrl) {
        static VersionJson of(ArticleVersion v) {
            return new VersionJson(v.legiId(), v.etat(), v.version(), v.from(), v.to(), v.legifranceUrl());
        }
    }

    public record ArticleJson(String ref, String code, String codeTitle, String legiId, String etat, boolean inForce,
                              LocalDate from, LocalDate to, boolean article51Core, List<String> breadcrumb, String citation,
                              String text, String html, String nota, List<VersionJson> versions, String legifranceUrl) {
    }

    /**
     * @param source comma-separated kinds: official, note, upload (default all)
     * @param code   LEGITEXT id to restrict official texts to one code
     * @param all    true to include texts no longer (or not yet) in force
     */
    @GetMapping("/search")
    public SearchJson search(@RequestParam(name = "q", required = false) String q,
                             @RequestParam(name = "limit", defaultValue = "10") int limit,
                             @RequestParam(name = "source", required = false) String source,
                             @RequestParam(name = "code", required = false) String code,
                             @RequestParam(name = "all", defaultValue = "false") boolean all,
                             Locale locale) {
        KnowledgeResults r = search.search(new KnowledgeQuery(q, limit, sources(source), code, !all));
        return new SearchJson(r.total(), r.totalExact(), r.tookMs(), r.hits().stream().map(HitJson::of).toList(),
                r.jumpTo() == null ? null : "/" + r.jumpTo(),
                r.messageKey() == null ? null : messages.getTranslation(r.messageKey(), locale), r.indexing());
    }

    @GetMapping("/articles/{ref}")
    public ArticleJson article(@PathVariable String ref, @RequestParam(name = "code", required = false) String code) {
        ArticlePage page = search.article(ref, code, null)
                .orElseThrow(() -> new NotFoundException("knowledge.error.article-not-found", ref));
        LegalArticle a = page.article();
        return new ArticleJson(a.ref(), a.codeId(), a.codeTitle(), a.legiId(), a.etat(), page.inForce(), a.from(), a.to(),
                a.emphasis() == LegalArticle.Emphasis.CORE, a.breadcrumb(), page.citation(),
                page.plainText(), page.safeHtml(), a.nota(),
                a.versions().stream().map(VersionJson::of).toList(), a.legifranceUrl());
    }

    private static Set<SourceKind> sources(String source) {
        Set<SourceKind> kinds = EnumSet.noneOf(SourceKind.class);
        if (source == null || source.isBlank()) {
            return kinds;
        }
        for (String s : source.split(",")) {
            String name = s.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                kinds.add(switch (name) {
                    case "OFFICIEL", "TEXTE", "TEXT", "TEXTS", "LAW", "CODE" -> SourceKind.OFFICIAL;
                    case "NOTES" -> SourceKind.NOTE;
                    case "UPLOADS", "DOCUMENT", "DOCUMENTS" -> SourceKind.UPLOAD;
                    default -> SourceKind.valueOf(name);
                });
            } catch (IllegalArgumentException e) {
                throw new BusinessException("knowledge.error.source-unknown", s.strip());
            }
        }
        return kinds;
    }
}
