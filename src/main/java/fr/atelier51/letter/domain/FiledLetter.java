package fr.atelier51.letter.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The letter as filed, frozen: its sections, the exact PDF sent, the destination, the date and who filed. Numbered per
 * project (1 for the first filing, 2 after "modifications après dépôt"...). {@link Immutable}, no setters: once
 * written, nothing in the app can change it; the PDF's SHA-256 lets anyone check it is the one that was filed.
 */
@Entity
@Immutable
@Table(name = "filed_letter")
public class FiledLetter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private int number;

    @Column(name = "filed_on", nullable = false)
    private LocalDate filedOn;

    @Column(nullable = false, length = 300)
    private String destination;

    @Column(name = "filed_by", nullable = false)
    private long filedBy;

    @Column(name = "filed_by_name", nullable = false, length = 120)
    private String filedByName;

    @Column(name = "frozen_at", nullable = false)
    private Instant frozenAt;

    @Lob
    @Column(nullable = false)
    private byte[] pdf;

    @Column(name = "pdf_sha256", nullable = false, length = 64)
    private String pdfSha256;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "filed_section", joinColumns = @JoinColumn(name = "filed_letter_id"))
    @OrderColumn(name = "position")
    private List<FiledSection> sections = new ArrayList<>();

    protected FiledLetter() {
    }

    public FiledLetter(long projectId, int number, LocalDate filedOn, String destination, long filedBy, String filedByName,
                       Instant frozenAt, byte[] pdf, String pdfSha256, List<FiledSection> sections) {
        this.projectId = projectId;
        this.number = number;
        this.filedOn = filedOn;
        this.destination = destination;
        this.filedBy = filedBy;
        this.filedByName = filedByName;
        this.frozenAt = frozenAt;
        this.pdf = pdf.clone();
        this.pdfSha256 = pdfSha256;
        this.sections = new ArrayList<>(sections);
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public int getNumber() { return number; }
    public LocalDate getFiledOn() { return filedOn; }
    public String getDestination() { return destination; }
    public long getFiledBy() { return filedBy; }
    public String getFiledByName() { return filedByName; }
    public Instant getFrozenAt() { return frozenAt; }
    public String getPdfSha256() { return pdfSha256; }

    /** A copy: the stored bytes cannot be changed through it. */
    public byte[] getPdf() {
        return pdf.clone();
    }

    public List<FiledSection> getSections() {
        return List.copyOf(sections);
    }
}
