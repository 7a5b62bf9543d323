package fr.atelier51.assistant.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.assistant.domain.Derogation;
import fr.atelier51.assistant.domain.FundLine;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.SectionPrefill;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The letter starts from what the project and the assistant already know: title and summary, holder, problem,
 * population, organisation, categories, kept derogations with their justification, scope, duration, funds and
 * evaluation ideas. Only facts go in; sections nobody has talked about stay empty for the holders to write.
 */
@Component
public class AssistantSectionPrefill implements SectionPrefill {

    private final ProjectService projects;
    private final AssistantService assistant;

    public AssistantSectionPrefill(ProjectService projects, AssistantService assistant) {
        this.projects = projects;
        this.assistant = assistant;
    }

    @Override
    public Map<SectionKey, String> prefill(long projectId) {
        Project project = projects.get(projectId);
        ProjectRecord record = assistant.state(projectId);
        Map<SectionKey, String> text = new EnumMap<>(SectionKey.class);
        put(text, SectionKey.INTITULE, "**" + project.getTitle() + "**" + (blank(project.getSummary()) ? "" : "\n\n" + project.getSummary()));
        Account owner = project.getOwner();
        put(text, SectionKey.PORTEUR, (blank(project.getOrganisation()) ? "" : project.getOrganisation() + "\n\n")
                + "Contact : " + owner.getDisplayName() + ", " + owner.getEmail());
        put(text, SectionKey.CONTEXTE, record.getProblem());
        put(text, SectionKey.POPULATION, record.getPopulation());
        put(text, SectionKey.DESCRIPTION, lines(
                line("Organisation", record.getOrganisation()),
                line("Professionnels", String.join(", ", record.getProfessionals())),
                line("Lieux de prise en charge", String.join(", ", record.getSettings())),
                line("Modèle de paiement", record.getPaymentChange())));
        put(text, SectionKey.CATEGORIE, bullets(record.getCategories()));
        put(text, SectionKey.DEROGATIONS, bullets(record.keptDerogations().stream().map(AssistantSectionPrefill::derogation).toList()));
        if (record.getScope() != null) {
            put(text, SectionKey.TERRITOIRE, "Champ " + record.getScope().label()
                    + (record.getTerritories().isEmpty() ? "" : " : " + String.join(", ", record.getTerritories())) + "."
                    + (blank(record.getScopeReasoning()) ? "" : "\n\n" + record.getScopeReasoning()));
        }
        if (record.getDurationMonths() != null) {
            put(text, SectionKey.DUREE, record.getDurationMonths() + " mois."
                    + (blank(record.getDurationNote()) ? "" : "\n\n" + record.getDurationNote()));
        }
        put(text, SectionKey.FINANCEMENT, bullets(record.getFunds().stream().map(AssistantSectionPrefill::fund).toList()));
        put(text, SectionKey.EVALUATION, bullets(record.getEvaluationIdeas()));
        return text;
    }

    private static String derogation(Derogation d) {
        return "**" + d.getReference() + "** — " + d.getTitle()
                + (d.isHasOpinion() ? " (avis de la HAS requis)" : "")
                + (blank(d.getJustification()) ? "" : " : " + d.getJustification());
    }

    private static String fund(FundLine line) {
        // A co-funding remark (e.g. the département for médico-social) has no fund of its own.
        return line.fund() == null ? line.explanation() : "**" + line.fund().name() + "** : " + line.explanation();
    }

    private static void put(Map<SectionKey, String> text, SectionKey key, String value) {
        if (!blank(value)) {
            text.put(key, value.strip());
        }
    }

    private static String line(String label, String value) {
        return blank(value) ? "" : label + " : " + value;
    }

    private static String lines(String... lines) {
        return java.util.Arrays.stream(lines).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n\n"));
    }

    private static String bullets(List<String> items) {
        return items.stream().filter(i -> !blank(i)).map(i -> "- " + i).collect(Collectors.joining("\n"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
