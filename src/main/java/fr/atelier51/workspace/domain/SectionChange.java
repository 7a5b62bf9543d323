package fr.atelier51.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/** One accepted change of a section (append-only; written by the sync engine through JDBC, read here). */
@Entity
@Table(name = "section_change")
public class SectionChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "section_id", nullable = false)
    private long sectionId;

    @Column(nullable = false)
    private long version;

    @Lob
    @Column(nullable = false)
    private String ops;

    @Lob
    private String snapshot;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ChangeKind kind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SectionChange() {
    }

    public long getSectionId() {
        return sectionId;
    }

    public long getVersion() {
        return version;
    }

    public String getOps() {
        return ops;
    }

    public String getSnapshot() {
        return snapshot;
    }

    public long getAuthorId() {
        return authorId;
    }

    public ChangeKind getKind() {
        return kind;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
