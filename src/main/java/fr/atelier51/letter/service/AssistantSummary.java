package fr.atelier51.letter.service;

import fr.atelier51.assistant.domain.AssistantMessage;
import fr.atelier51.assistant.domain.Derogation;
import fr.atelier51.assistant.domain.MessageAuthor;
import fr.atelier51.assistant.domain.ProjectRecord;

import java.util.List;

/** What the assistant established, as a Markdown page a person can read in the archive. */
final class AssistantSummary {

    private AssistantSummary() {
    }

    static String markdown(String title, ProjectRecord r, List<AssistantMessage> conversation) {
        StringBuilder md = new StringBuilder("# Ce que l’assistant a établi — ").append(title).append("\n\n");
        line(md, "Éligibilité", r.getVerdict() == null ? null : r.getVerdict().label()
                + (r.getVerdictExplanation() == null ? "" : " : " + r.getVerdictExplanation()));
        line(md, "Champ territorial", r.getScope() == null ? null : r.getScope().label());
        line(md, "Destinataire", r.getDestination() == null ? null : r.getDestination().name());
        line(md, "Problème", r.getProblem());
        line(md, "Population", r.getPopulation());
        line(md, "Durée", r.getDurationMonths() == null ? null : r.getDurationMonths() + " mois");
        line(md, "Professionnels", String.join(", ", r.getProfessionals()));
        line(md, "Territoires", String.join(", ", r.getTerritories()));
        md.append("\n## Dérogations retenues\n\n");
        List<Derogation> kept = r.keptDerogations();
        if (kept.isEmpty()) {
            md.append("Aucune.\n");
        }
        kept.forEach(d -> md.append("- ").append(d.getReference()).append(" — ").append(d.getTitle())
                .append(d.getJustification() == null || d.getJustification().isBlank() ? "" : " : " + d.getJustification()).append('\n'));
        md.append("\n## Conversation\n\n");
        for (AssistantMessage m : conversation) {
            md.append("**").append(m.getAuthor() == MessageAuthor.HOLDER ? m.getAuthorName() : "Assistant").append("** — ")
                    .append(m.getCreatedAt() == null ? "" : DossierExportService.WHEN.format(m.getCreatedAt())).append("\n\n")
                    .append(m.getText()).append("\n\n");
            m.getCitations().forEach(c -> md.append("> Source : ").append(c.label()).append('\n'));
            if (!m.getCitations().isEmpty()) {
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static void line(StringBuilder md, String label, String value) {
        md.append("- ").append(label).append(" : ").append(value == null || value.isBlank() ? "pas encore établi" : value).append('\n');
    }
}
