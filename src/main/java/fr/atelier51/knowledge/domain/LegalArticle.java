package fr.atelier51.knowledge.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An article of a code in its current consolidated version, as imported from the LEGI data.
 *
 * @param ref        normalised number, e.g. {@code L162-31-1}
 * @param legiId     LEGIARTI id of this version; {@code cid} is the id common to all versions
 * @param to         end of this version, null when open-ended
 * @param breadcrumb code › partie › livre › titre › chapitre › section (titles), without the article
 * @param emphasis   whether it is the Article 51 core or an article L.162-31-1 II names
 */
public record LegalArticle(String codeId, String codeTitle, String codeShort, String ref, String legiId, String cid,
                           String etat, LocalDate from, LocalDate to, boolean inForce, String html, String nota,
                           List<String> breadcrumb, List<ArticleVersion> versions, Emphasis emphasis) {

    public enum Emphasis { CORE, NAMED_BY_CORE, NONE }

    public static String legifranceUrl(String legiId) {
        return "https://www.legifrance.gouv.fr/codes/article_lc/" + legiId;
    }

    public String legifranceUrl() {
        return legifranceUrl(legiId);
    }

    public String displayRef() {
        return ArticleRefs.display(ref);
    }
}
