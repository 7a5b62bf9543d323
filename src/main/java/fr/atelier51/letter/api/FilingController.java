package fr.atelier51.letter.api;

import fr.atelier51.letter.domain.FiledLetter;
import fr.atelier51.letter.service.DossierExportService;
import fr.atelier51.letter.service.FilingService;
import fr.atelier51.letter.service.LetterExportService;
import fr.atelier51.project.service.ProjectService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * The filed versions' PDFs and the project file for the archives. Read-only by design: a filed version has no write
 * endpoint. Same access as the project (session or HTTP Basic).
 */
@RestController
public class FilingController {

    private final FilingService filing;
    private final DossierExportService dossiers;
    private final ProjectService projects;

    public FilingController(FilingService filing, DossierExportService dossiers, ProjectService projects) {
        this.filing = filing;
        this.dossiers = dossiers;
        this.projects = projects;
    }

    /** The latest filed version's exact PDF. */
    @GetMapping("/api/projects/{id}/filed.pdf")
    public ResponseEntity<byte[]> latest(@PathVariable long id) {
        return filed(id, null);
    }

    @GetMapping("/api/projects/{id}/filed/{number}.pdf")
    public ResponseEntity<byte[]> numbered(@PathVariable long id, @PathVariable int number) {
        return filed(id, number);
    }

    @GetMapping("/api/projects/{id}/dossier.zip")
    public ResponseEntity<byte[]> dossier(@PathVariable long id) {
        LetterExportService.Export zip = dossiers.export(id);
        return send(zip.fileName(), zip.contentType(), zip.bytes());
    }

    private ResponseEntity<byte[]> filed(long id, Integer number) {
        FiledLetter letter = filing.get(id, number);
        byte[] pdf = filing.pdf(id, letter.getNumber());
        return send(FilingService.fileName(projects.get(id).getTitle(), letter.getNumber()), "application/pdf", pdf);
    }

    private static ResponseEntity<byte[]> send(String fileName, String contentType, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(contentType))
                .body(bytes);
    }
}
