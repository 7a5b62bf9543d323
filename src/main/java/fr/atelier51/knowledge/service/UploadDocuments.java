package fr.atelier51.knowledge.service;

import fr.atelier51.knowledge.domain.KnowledgeUpload;
import fr.atelier51.knowledge.domain.KnowledgeUploadRepository;
import fr.atelier51.knowledge.domain.UploadPassage;
import fr.atelier51.knowledge.domain.UploadPassageRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** The uploaded documents as the index needs them (read from the database, where their passages are kept). */
@Component
public class UploadDocuments {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** One uploaded document with its passages. */
    public record Doc(long id, int revision, String title, String fileName, String addedBy, LocalDate addedOn,
                      LocalDate updatedOn, List<DocumentExtractor.Section> sections) {
    }

    private final KnowledgeUploadRepository uploads;
    private final UploadPassageRepository passages;

    public UploadDocuments(KnowledgeUploadRepository uploads, UploadPassageRepository passages) {
        this.uploads = uploads;
        this.passages = passages;
    }

    /** Changes when a document is added, replaced or removed: the index compares it with what it holds. */
    @Transactional(readOnly = true)
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            uploads.findAll().stream().sorted(Comparator.comparing(KnowledgeUpload::getId))
                    .forEach(u -> sha.update((u.getId() + ":" + u.getRevision() + ":" + u.getStatus() + ";").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Titles by id, for suggestions while typing. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> titles() {
        java.util.Map<Long, String> titles = new java.util.LinkedHashMap<>();
        uploads.findAllByOrderByUpdatedAtDesc().forEach(u -> titles.put(u.getId(), u.getTitle()));
        return titles;
    }

    @Transactional(readOnly = true)
    public List<Doc> all() {
        return uploads.findAll().stream().sorted(Comparator.comparing(KnowledgeUpload::getId)).map(this::doc).toList();
    }

    private Doc doc(KnowledgeUpload u) {
        List<DocumentExtractor.Section> sections = passages.findByUploadIdOrderByPosition(u.getId()).stream()
                .map(UploadDocuments::section).toList();
        return new Doc(u.getId(), u.getRevision(), u.getTitle(), u.getFileName(), u.getAddedBy().getDisplayName(),
                LocalDate.ofInstant(u.getAddedAt(), PARIS), LocalDate.ofInstant(u.getUpdatedAt(), PARIS), sections);
    }

    static DocumentExtractor.Section section(UploadPassage p) {
        return new DocumentExtractor.Section(p.getAnchor(), p.getHeading(), p.getText());
    }
}
