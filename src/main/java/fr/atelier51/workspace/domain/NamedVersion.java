package fr.atelier51.workspace.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** A named state of a project's whole letter: the version each section had at that moment (never changed). */
@Entity
@Table(name = "named_version")
public class NamedVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NamedVersionKind kind;

    @Column(length = 200)
    private String name;

    @Column(name = "event_date")
    private LocalDate eventDate;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "named_version_section", joinColumns = @JoinColumn(name = "named_version_id"))
    @MapKeyColumn(name = "section_key", length = 40)
    @Column(name = "version", nullable = false)
    private Map<String, Long> versions = new HashMap<>();

    protected NamedVersion() {
    }

    public NamedVersion(long projectId, NamedVersionKind kind, String name, LocalDate eventDate, Instant createdAt,
                        long createdBy, Map<SectionKey, Long> versions) {
        this.projectId = projectId;
        this.kind = kind;
        this.name = name;
        this.eventDate = eventDate;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        versions.forEach((k, v) -> this.versions.put(k.key(), v));
    }

    public Long getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public NamedVersionKind getKind() {
        return kind;
    }

    /** The person's words (MANUAL only). */
    public String getName() {
        return name;
    }

    /** The day an automatic version names (review request, filing). */
    public LocalDate getEventDate() {
        return eventDate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getCreatedBy() {
        return createdBy;
    }

    /** The section's version in this named state (0 when it had none yet). */
    public long versionOf(SectionKey key) {
        return versions.getOrDefault(key.key(), 0L);
    }
}
