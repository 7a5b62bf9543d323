package fr.atelier51.portfolio.domain;

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

import java.time.Instant;

/** A reminder to one coach for one review wait; unique per (wait, coach, kind), so never sent twice. */
@Entity
@Table(name = "review_reminder")
public class ReviewReminder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "wait_id")
    private ReviewWait wait;

    @Column(name = "coach_id", nullable = false)
    private long coachId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReminderKind kind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "emailed_at")
    private Instant emailedAt;

    @Column(name = "seen_at")
    private Instant seenAt;

    protected ReviewReminder() {
    }

    public ReviewReminder(ReviewWait wait, long coachId, ReminderKind kind, Instant createdAt) {
        this.wait = wait;
        this.coachId = coachId;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    public void emailed(Instant at) {
        this.emailedAt = at;
    }

    public void seen(Instant at) {
        if (seenAt == null) {
            this.seenAt = at;
        }
    }

    public Long getId() { return id; }
    public ReviewWait getWait() { return wait; }
    public long getCoachId() { return coachId; }
    public ReminderKind getKind() { return kind; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getEmailedAt() { return emailedAt; }
    public Instant getSeenAt() { return seenAt; }
}
