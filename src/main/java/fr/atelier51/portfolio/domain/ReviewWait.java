package fr.atelier51.portfolio.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One stay of a project in coach review: from the request until a coach answers (or the project leaves review). */
@Entity
@Table(name = "review_wait")
public class ReviewWait {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected ReviewWait() {
    }

    public ReviewWait(long projectId, Instant startedAt) {
        this.projectId = projectId;
        this.startedAt = startedAt;
    }

    public void end(Instant at) {
        this.endedAt = at;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
}
