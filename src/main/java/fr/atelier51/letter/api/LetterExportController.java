package fr.atelier51.letter.api;

import fr.atelier51.letter.service.LetterExportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** The letter as files, for people (links in the app) and scripts (session or HTTP Basic). Same access as the project. */
@RestController
public class LetterExportController {

    private final LetterExportService exports;

    public LetterExportController(LetterExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/projects/{id}/letter.pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return send(exports.export(id, LetterExportService.Format.PDF));
    }

    @GetMapping("/api/projects/{id}/letter.docx")
    public ResponseEntity<byte[]> docx(@PathVariable long id) {
        return send(exports.export(id, LetterExportService.Format.DOCX));
    }

    @GetMapping("/api/projects/{id}/letter.md")
    public ResponseEntity<byte[]> markdown(@PathVariable long id) {
        return send(exports.export(id, LetterExportService.Format.MARKDOWN));
    }

    private static ResponseEntity<byte[]> send(LetterExportService.Export export) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(export.contentType()))
                .body(export.bytes());
    }
}
