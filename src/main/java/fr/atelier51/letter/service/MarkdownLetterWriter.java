package fr.atelier51.letter.service;

import fr.atelier51.letter.domain.LetterDocument;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** The letter as a Markdown file: the holders' text as they wrote it, framed by the letter's header and annexes. */
@Component
public class MarkdownLetterWriter {

    public byte[] write(LetterDocument letter) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(letter.organisation()).append("**  \n").append(letter.holderName()).append("  \n")
                .append(letter.contactEmail()).append("\n\n");
        md.append("À : ").append(letter.destinationName());
        if (letter.destinationAddress() != null && !letter.destinationAddress().isBlank()) {
            md.append(" — ").append(letter.destinationAddress());
        }
        md.append("\n\nLe ").append(LetterHtml.FRENCH_DATE.format(letter.date())).append("\n\n");
        md.append("**Objet :** ").append(letter.subject()).append("\n\n");
        if (letter.versionLabel() != null) {
            md.append("_").append(letter.versionLabel()).append("_\n\n");
        }
        for (LetterDocument.Section s : letter.sections()) {
            md.append("## ").append(s.number()).append(". ").append(s.heading()).append("\n\n")
                    .append(s.isEmpty() ? "_(non renseigné)_" : s.markdown().strip()).append("\n\n");
        }
        md.append("## Annexe 1 — Dérogations envisagées\n\n");
        if (letter.derogations().isEmpty()) {
            md.append("_Aucune dérogation retenue à ce stade._\n\n");
        } else {
            md.append("| Référence | Objet | Avis HAS | Justification |\n|---|---|---|---|\n");
            for (LetterDocument.DerogationLine d : letter.derogations()) {
                md.append("| ").append(cell(d.reference())).append(" | ").append(cell(d.title())).append(" | ")
                        .append(d.hasOpinion() ? "requis" : "non").append(" | ").append(cell(d.justification())).append(" |\n");
            }
            md.append("\n");
        }
        md.append("## Annexe 2 — Textes cités\n\n");
        letter.citedArticles().forEach(a -> md.append("- ").append(a.citation())
                .append(a.url() == null ? "" : " — <" + a.url() + ">").append("\n"));
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
