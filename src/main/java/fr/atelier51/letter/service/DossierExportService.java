package fr.atelier51.letter.service;

import fr.atelier51.assistant.domain.AssistantMessage;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.Messages;
import fr.atelier51.letter.domain.FiledLetter;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectEvent;
import fr.atelier51.project.domain.ProjectEventType;
import fr.atelier51.project.service.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The whole project file as one ZIP for the archives: the letter (PDF, DOCX, Markdown), what the assistant
 * established (JSON for machines, Markdown for people), the history (timeline, coaches' decisions, filings) and
 * the exact PDF of every filed version. Anyone who may read the project may download it.
 */
@Service
@Transactional(readOnly = true)
public class DossierExportService {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ProjectService projects;
    private final LetterExportService letters;
    private final AssistantService assistant;
    private final FilingService filing;
    private final CriterionValidationService validations;
    private final Messages messages;
    private final Clock clock = Clock.systemUTC();

    public DossierExportService(ProjectService projects, LetterExportService letters, AssistantService assistant,
                                FilingService filing, CriterionValidationService validations, Messages messages) {
        this.projects = projects;
        this.letters = letters;
        this.assistant = assistant;
        this.filing = filing;
        this.validations = validations;
        this.messages = messages;
    }

    public LetterExportService.Export export(long projectId) {
        Project project = projects.get(projectId);
        String base = LetterExportService.fileName(project.getTitle());
        Map<String, byte[]> files = new LinkedHashMap<>();
        boolean letterWritten = true;
        for (LetterExportService.Format format : LetterExportService.Format.values()) {
            try {
                LetterExportService.Export export = letters.export(projectId, format);
                files.put("lettre/" + export.fileName(), export.bytes());
            } catch (BusinessException emptyLetter) {
                letterWritten = false;
                break;
            }
        }
        ProjectRecord record = assistant.state(projectId);
        List<AssistantMessage> conversation = assistant.conversation(projectId);
        files.put("assistant/dossier-assistant.json", utf8(assistantJson(record, conversation)));
        files.put("assistant/synthese.md", utf8(AssistantSummary.markdown(project.getTitle(), record, conversation)));
        List<FiledLetter> filed = filing.list(projectId);
        files.put("historique.md", utf8(history(project, filed)));
        for (FiledLetter f : filed) {
            files.put("depots/" + FilingService.fileName(project.getTitle(), f.getNumber()), filing.pdf(projectId, f.getNumber()));
        }
        files.put("LISEZMOI.txt", utf8(readme(project, letterWritten, filed.size())));
        return new LetterExportService.Export(base.replace("lettre-intention-", "dossier-") + ".zip", "application/zip", zip(files));
    }

    private String assistantJson(ProjectRecord record, List<AssistantMessage> conversation) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("record", record);
        doc.put("conversation", conversation.stream().map(m -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("author", m.getAuthor().name());
            line.put("name", m.getAuthorName());
            line.put("at", m.getCreatedAt() == null ? null : m.getCreatedAt().toString());
            line.put("text", m.getText());
            line.put("citations", m.getCitations());
            return line;
        }).toList());
        return JSON.writeValueAsString(doc);
    }

    private String history(Project project, List<FiledLetter> filed) {
        StringBuilder md = new StringBuilder("# Historique — ").append(project.getTitle()).append("\n\n");
        md.append("- Porteur : ").append(project.getOwner().getDisplayName()).append('\n');
        md.append("- Structure : ").append(project.getOrganisation() == null ? "—" : project.getOrganisation()).append('\n');
        md.append("- Statut : ").append(messages.fr(project.getStatus().labelKey())).append('\n');
        md.append("- Créé le ").append(WHEN.format(project.getCreatedAt())).append("\n\n");
        md.append("## Chronologie\n\n");
        List<ProjectEvent> events = projects.timeline(project.getId()).reversed();
        for (ProjectEvent e : events) {
            String detail = e.getDetail() == null ? ""
                    : e.getType() == ProjectEventType.STATUS_CHANGED ? messages.fr("project.status." + e.getDetail()) : e.getDetail();
            md.append("- ").append(WHEN.format(e.getOccurredAt())).append(" — ")
                    .append(messages.fr(e.getType().labelKey(), e.getActor().getDisplayName(), detail));
            if (e.getNote() != null) {
                md.append(" « ").append(e.getNote()).append(" »");
            }
            md.append('\n');
        }
        md.append("\n## Décisions des coachs sur les critères du CTIS\n\n");
        var decisions = validations.history(project.getId());
        if (decisions.isEmpty()) {
            md.append("Aucune décision pour l’instant.\n");
        }
        decisions.forEach(v -> md.append("- ").append(WHEN.format(v.decidedAt())).append(" — ").append(v.author()).append(" : ")
                .append(v.criterion().label()).append(v.validated() ? " — validé" : " — non validé")
                .append(v.comment() == null ? "" : " (« " + v.comment() + " »)").append('\n'));
        md.append("\n## Versions déposées\n\n");
        if (filed.isEmpty()) {
            md.append("Aucune version déposée.\n");
        }
        filed.forEach(f -> md.append("- Dépôt n° ").append(f.getNumber()).append(" le ").append(LetterHtml.FRENCH_DATE.format(f.getFiledOn()))
                .append(" auprès de : ").append(f.getDestination()).append(", par ").append(f.getFiledByName())
                .append(" (PDF SHA-256 ").append(f.getPdfSha256()).append(")\n"));
        return md.toString();
    }

    private String readme(Project project, boolean letterWritten, int filings) {
        return "Dossier du projet « " + project.getTitle() + " » — Atelier 51\n"
                + "Exporté le " + WHEN.format(clock.instant()) + "\n\n"
                + (letterWritten ? "lettre/       la lettre d’intention telle qu’elle est aujourd’hui (PDF, DOCX, Markdown)\n"
                : "lettre/       absente : aucune section de la lettre n’est encore écrite\n")
                + "assistant/    ce que l’assistant a établi (dossier-assistant.json) et sa synthèse lisible (synthese.md)\n"
                + "historique.md la chronologie du projet, les décisions des coachs et les dépôts\n"
                + (filings > 0 ? "depots/       le PDF exact de chaque version déposée (" + filings + ")\n" : "");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> files) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
