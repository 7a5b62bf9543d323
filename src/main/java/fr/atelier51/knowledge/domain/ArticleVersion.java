package fr.atelier51.knowledge.domain;

import java.time.LocalDate;

/** One version of an article (from LEGI articleVersions). {@code to} is null while open-ended. */
public record ArticleVersion(String legiId, String etat, String version, LocalDate from, LocalDate to) {

    public String legifranceUrl() {
        return LegalArticle.legifranceUrl(legiId);
    }
}
