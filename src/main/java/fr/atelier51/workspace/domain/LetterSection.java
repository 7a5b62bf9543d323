package fr.atelier51.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One section of a project's letter: its version and a text at {@code bodyVersion} (the sync engine writes the text
 * now and then; {@code ChangeLog.currentText} rebuilds the current one from the change rows after it).
 */
@Entity
@Table(name = "letter_section")
public class LetterSection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "section_key", nullable = false, length = 40)
    private String sectionKey;

    @Column(nullable = false)
    private int position;

    @Lob
    @Column(nullable = false)
    private String body = "";

    @Column(nullable = false)
    private long version;

    /** The version {@link #body} holds: the change rows after it rebuild the text at {@link #version}. */
    @Column(name = "body_version", nullable = false)
    private long bodyVersion;

    /** The text at version 0 (pre-filled), which no change row holds. */
    @Lob
    @Column(name = "initial_body")
    private String initialBody;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    protected LetterSection() {
    }

    public LetterSection(long projectId, SectionKey key) {
        this(projectId, key, "");
    }

    /** A new section starting from text already known about the project (version 0, before anyone edits). */
    public LetterSection(long projectId, SectionKey key, String initialText) {
        this.projectId = projectId;
        this.sectionKey = key.key();
        this.position = key.ordinal() + 1;
        this.body = initialText == null ? "" : initialText;
        this.initialBody = this.body;
    }

    public Long getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public SectionKey getKey() {
        return SectionKey.parse(sectionKey).orElseThrow();
    }

    /** The text at {@link #getBodyVersion()}, which may be behind {@link #getVersion()} (see the sync engine). */
    public String getBody() {
        return body;
    }

    public long getBodyVersion() {
        return bodyVersion;
    }

    /** The text at version 0 ("" when unknown: sections edited before it was kept). */
    public String getInitialBody() {
        return initialBody == null ? "" : initialBody;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getUpdatedBy() {
        return updatedBy;
    }
}
