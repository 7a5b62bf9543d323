package fr.atelier51.assistant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** One per project: the assistant's structured record and where the interview stands. */
@Entity
@Table(name = "assistant_session")
public class AssistantSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "project_id", nullable = false, unique = true)
    private long projectId;

    @Lob
    @Column(name = "record_json", nullable = false)
    @Convert(converter = ProjectRecordConverter.class)
    private ProjectRecord record;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AssistantSession() {
    }

    public AssistantSession(long projectId) {
        this.projectId = projectId;
        this.record = new ProjectRecord();
        this.updatedAt = Instant.now();
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public ProjectRecord getRecord() { return record; }
    public Instant getUpdatedAt() { return updatedAt; }

    /** Replaces the record (a fresh object, so JPA sees the change through the converter). */
    public void update(ProjectRecord newRecord) {
        this.record = newRecord;
        this.updatedAt = Instant.now();
    }
}
