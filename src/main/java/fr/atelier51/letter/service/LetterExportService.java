package fr.atelier51.letter.service;

import fr.atelier51.assistant.domain.Derogation;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.base.service.Messages;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.letter.domain.FiledLetter;
import fr.atelier51.letter.domain.FiledLetterRepository;
import fr.atelier51.letter.domain.LetterDocument;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.SectionState;
import org.springframework.stereotype.Service;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the letter to send from the workspace's sections, the project and what the assistant established, and
 * writes it as PDF, DOCX or Markdown. Anyone who may read the project may export its letter.
 */
@Service
public class LetterExportService {

    public enum Format {
        PDF("pdf", "application/pdf"),
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        MARKDOWN("md", "text/markdown;charset=UTF-8");

        public final String extension;
        public final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    /** The file and its name. */
    public record Export(String fileName, String contentType, byte[] bytes) {
    }

    private static final Pattern ARTICLE = Pattern.compile("\\b([LRD])\\.?\\s?(\\d{3,4}(?:-\\d+){1,3})\\b");
    private static final String LEGIFRANCE_L162_31_1 = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000048725803";

    private final ProjectService projects;
    private final ProjectWorkflow workflow;
    private final LetterService letters;
    private final AssistantService assistant;
    private final Messages messages;
    private final PdfLetterWriter pdf;
    private final DocxLetterWriter docx;
    private final MarkdownLetterWriter markdown;
    private final FiledLetterRepository filed;
    private final Clock clock = Clock.system(ZoneId.of("Europe/Paris"));

    public LetterExportService(ProjectService projects, ProjectWorkflow workflow, LetterService letters,
                               AssistantService assistant, Messages messages, PdfLetterWriter pdf,
                               DocxLetterWriter docx, MarkdownLetterWriter markdown, FiledLetterRepository filed) {
        this.filed = filed;
        this.projects = projects;
        this.workflow = workflow;
        this.letters = letters;
        this.assistant = assistant;
        this.messages = messages;
        this.pdf = pdf;
        this.docx = docx;
        this.markdown = markdown;
    }

    /** The letter as a file; an empty letter (no section written) is refused with a message rather than exported blank. */
    public Export export(long projectId, Format format) {
        LetterDocument letter = assemble(projectId, false);
        if (letter.sections().stream().allMatch(LetterDocument.Section::isEmpty)) {
            throw new BusinessException("letter.error.empty");
        }
        byte[] bytes = switch (format) {
            case PDF -> pdf.write(letter);
            case DOCX -> docx.write(letter);
            case MARKDOWN -> markdown.write(letter);
        };
        return new Export(fileName(letter.projectTitle()) + "." + format.extension, format.contentType, bytes);
    }

    /**
     * @param forFiling true while the owner files: the letter is labelled as the filed version even if an earlier
     *                  filing differs (that difference is exactly what is being filed)
     */
    LetterDocument assemble(long projectId, boolean forFiling) {
        Project project = projects.get(projectId);
        ProjectRecord record = assistant.state(projectId);
        List<LetterDocument.Section> sections = new ArrayList<>();
        int number = 1;
        StringBuilder allText = new StringBuilder();
        List<SectionState> live = letters.letter(projectId);
        for (SectionState state : live) {
            SectionKey key = state.key();
            sections.add(new LetterDocument.Section(number++, messages.fr(key.headingKey()), state.text()));
            allText.append(state.text()).append('\n');
        }
        List<LetterDocument.DerogationLine> derogations = record.keptDerogations().stream()
                .map(LetterExportService::line).toList();
        String destination = project.getFiledDestination() != null ? project.getFiledDestination()
                : workflow.proposedDestination(projectId);
        String address = record.getDestination() != null && record.getDestination().site() != null
                ? record.getDestination().site() : "";
        LocalDate today = LocalDate.now(clock);
        boolean filedStatus = switch (project.getStatus()) {
            case DEPOSEE, AVIS_FAVORABLE, AVIS_DEFAVORABLE -> true;
            default -> false;
        };
        // Edits after a filing make a new working version, never to be mistaken for the filed one.
        FiledLetter lastFiled = forFiling ? null : filed.findFirstByProjectIdOrderByNumberDesc(projectId).orElse(null);
        boolean editedAfterFiling = lastFiled != null && FilingService.differs(lastFiled, live);
        LocalDate date = filedStatus && !editedAfterFiling ? project.getFiledOn() : today;
        String version;
        if (project.getStatus() == ProjectStatus.ABANDONNEE) {
            version = "Projet abandonné — document d’archive";
        } else if (editedAfterFiling) {
            version = "Modifications après dépôt — version de travail du " + LetterHtml.FRENCH_DATE.format(today)
                    + " (dernière version déposée le " + LetterHtml.FRENCH_DATE.format(lastFiled.getFiledOn()) + ")";
        } else if (filedStatus) {
            version = "Version déposée le " + LetterHtml.FRENCH_DATE.format(project.getFiledOn());
        } else {
            version = "Projet de lettre — version de travail du " + LetterHtml.FRENCH_DATE.format(today);
        }
        return new LetterDocument(project.getTitle(), project.getOwner().getDisplayName(),
                project.getOrganisation() == null ? "" : project.getOrganisation(), project.getOwner().getEmail(),
                destination, address, date, sections, derogations, citedArticles(allText.toString()),
                version);
    }

    private static LetterDocument.DerogationLine line(Derogation d) {
        return new LetterDocument.DerogationLine(d.getReference(), d.getTitle(), d.isHasOpinion(), d.getJustification());
    }

    /** The CSS articles the letter names (L.162-31-1 always, as the legal basis), in order of first mention. */
    static List<LetterDocument.CitedArticle> citedArticles(String text) {
        Map<String, LetterDocument.CitedArticle> cited = new LinkedHashMap<>();
        cited.put("L162-31-1", new LetterDocument.CitedArticle("Code de la sécurité sociale, art. L.162-31-1", LEGIFRANCE_L162_31_1));
        Matcher m = ARTICLE.matcher(text);
        while (m.find()) {
            String ref = m.group(1) + m.group(2);
            cited.putIfAbsent(ref, new LetterDocument.CitedArticle(
                    "Code de la sécurité sociale, art. " + m.group(1) + "." + m.group(2), null));
        }
        return List.copyOf(cited.values());
    }

    static String fileName(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
        return "lettre-intention-" + (ascii.length() > 60 ? ascii.substring(0, 60) : ascii);
    }
}
