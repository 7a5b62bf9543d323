package fr.atelier51.letter.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything an exported letter of intent shows, already decided: who writes, to whom, when, the numbered sections
 * (Markdown-light text as the holders wrote it) and the annexes. Renderers only lay it out.
 *
 * @param destinationAddress the ARS site or the national team, shown under the addressee (may be empty)
 */
public record LetterDocument(String projectTitle, String holderName, String organisation, String contactEmail,
                             String destinationName, String destinationAddress, LocalDate date,
                             List<Section> sections, List<DerogationLine> derogations, List<CitedArticle> citedArticles,
                             String versionLabel) {

    public record Section(int number, String heading, String markdown) {
        public boolean isEmpty() {
            return markdown == null || markdown.isBlank();
        }
    }

    /** A derogation kept for the project, for the annex table. */
    public record DerogationLine(String reference, String title, boolean hasOpinion, String justification) {
    }

    /** An official article the letter relies on, with its Légifrance address when known. */
    public record CitedArticle(String citation, String url) {
    }

    /** "Lettre d'intention — <title>" as the subject line. */
    public String subject() {
        return "Lettre d’intention — expérimentation au titre de l’article L.162-31-1 du code de la sécurité sociale : "
                + projectTitle;
    }
}
