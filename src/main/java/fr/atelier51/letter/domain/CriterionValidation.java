package fr.atelier51.letter.domain;

import fr.atelier51.account.domain.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A coach's decision on one CTIS criterion, with a comment. Append-only: the latest one per criterion counts. */
@Entity
@Immutable
@Table(name = "criterion_validation")
public class CriterionValidation {

    public static final int COMMENT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private CtisCriterion criterion;

    @Column(nullable = false)
    private boolean validated;

    @Column(length = COMMENT_MAX)
    private String comment;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "author_id")
    private Account author;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected CriterionValidation() {
    }

    public CriterionValidation(long projectId, CtisCriterion criterion, boolean validated, String comment, Account author, Instant decidedAt) {
        this.projectId = projectId;
        this.criterion = criterion;
        this.validated = validated;
        this.comment = comment;
        this.author = author;
        this.decidedAt = decidedAt;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public CtisCriterion getCriterion() { return criterion; }
    public boolean isValidated() { return validated; }
    public String getComment() { return comment; }
    public Account getAuthor() { return author; }
    public Instant getDecidedAt() { return decidedAt; }
}
