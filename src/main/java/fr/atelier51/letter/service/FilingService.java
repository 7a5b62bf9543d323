package fr.atelier51.letter.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.letter.domain.FiledLetter;
import fr.atelier51.letter.domain.FiledLetterRepository;
import fr.atelier51.letter.domain.FiledSection;
import fr.atelier51.letter.domain.LetterDocument;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.project.service.ProjectStatusChanged;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.SectionState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Freezes the letter when the owner files it (the workflow announces DEPOSEE; this runs in the same transaction, so
 * a letter that cannot be frozen is not filed either), and serves the frozen versions read-only. There is no way to
 * change a snapshot: no update method here nor in the repository, and the PDF is checked against its SHA-256 before
 * it is served.
 */
@Service
@Transactional
public class FilingService {

    private final ProjectService projects;
    private final LetterService letters;
    private final LetterExportService exports;
    private final PdfLetterWriter pdf;
    private final FiledLetterRepository filed;
    private final CurrentAccount currentAccount;
    private final Clock clock = Clock.systemUTC();

    public FilingService(ProjectService projects, LetterService letters, LetterExportService exports, PdfLetterWriter pdf,
                         FiledLetterRepository filed, CurrentAccount currentAccount) {
        this.projects = projects;
        this.letters = letters;
        this.exports = exports;
        this.pdf = pdf;
        this.filed = filed;
        this.currentAccount = currentAccount;
    }

    @EventListener
    public void onStatusChanged(ProjectStatusChanged event) {
        if (event.to() == ProjectStatus.DEPOSEE) {
            freeze(event.projectId());
        }
    }

    private void freeze(long projectId) {
        Account caller = currentAccount.require();
        Project project = projects.get(projectId);
        if (project.getStatus() != ProjectStatus.DEPOSEE || project.getFiledOn() == null) {
            throw new BusinessException("filing.error.not-filed");
        }
        List<SectionState> live = letters.letter(projectId);
        if (live.stream().allMatch(s -> s.text() == null || s.text().isBlank())) {
            throw new BusinessException("filing.error.empty-letter");
        }
        LetterDocument letter = exports.assemble(projectId, true);
        byte[] bytes = pdf.write(letter);
        List<FiledSection> sections = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            sections.add(new FiledSection(live.get(i).key().key(), letter.sections().get(i).heading(), live.get(i).text()));
        }
        int number = filed.findFirstByProjectIdOrderByNumberDesc(projectId).map(f -> f.getNumber() + 1).orElse(1);
        filed.save(new FiledLetter(projectId, number, project.getFiledOn(), project.getFiledDestination(), caller.getId(),
                caller.getDisplayName(), clock.instant(), bytes, sha256(bytes), sections));
    }

    /** The filed versions, first filing first (empty before any filing). */
    @Transactional(readOnly = true)
    public List<FiledLetter> list(long projectId) {
        projects.get(projectId);
        return filed.findByProjectIdOrderByNumberAsc(projectId);
    }

    /** One filed version, or the latest when {@code number} is null. */
    @Transactional(readOnly = true)
    public FiledLetter get(long projectId, Integer number) {
        projects.get(projectId);
        Optional<FiledLetter> found = number == null ? filed.findFirstByProjectIdOrderByNumberDesc(projectId)
                : filed.findByProjectIdAndNumber(projectId, number);
        return found.orElseThrow(() -> new NotFoundException("filing.error.not-found"));
    }

    /** The exact PDF that was filed; refused if its bytes no longer match the fingerprint taken when it was filed. */
    @Transactional(readOnly = true)
    public byte[] pdf(long projectId, Integer number) {
        FiledLetter letter = get(projectId, number);
        byte[] bytes = letter.getPdf();
        if (!sha256(bytes).equals(letter.getPdfSha256())) {
            throw new BusinessException("filing.error.altered", letter.getNumber());
        }
        return bytes;
    }

    /** Whether the letter was written on since its last filing ("modifications après dépôt"). */
    @Transactional(readOnly = true)
    public boolean changedSinceFiling(long projectId) {
        return filed.findFirstByProjectIdOrderByNumberDesc(projectId)
                .map(last -> differs(last, letters.letter(projectId))).orElse(false);
    }

    static boolean differs(FiledLetter last, List<SectionState> live) {
        List<FiledSection> frozen = last.getSections();
        if (frozen.size() != live.size()) {
            return true;
        }
        for (int i = 0; i < live.size(); i++) {
            if (!frozen.get(i).getKey().equals(live.get(i).key().key()) || !frozen.get(i).getBody().equals(live.get(i).text())) {
                return true;
            }
        }
        return false;
    }

    public static String fileName(String projectTitle, int number) {
        return LetterExportService.fileName(projectTitle) + "-depot-" + number + ".pdf";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
