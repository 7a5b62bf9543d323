package fr.atelier51.project.domain;

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

import java.time.Instant;

/** One line of a project's timeline: who did what, when. Never updated once written. */
@Entity
@Table(name = "project_event")
public class ProjectEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    private Project project;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private ProjectEventType type;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "actor_id")
    private Account actor;

    /** Free detail: the other person's name, the new status, ... Shown as is. */
    @Column(length = 500)
    private String detail;

    /** What the person wrote with the action (why changes are asked, the outcome's note). */
    @Column(length = 2000)
    private String note;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ProjectEvent() {
    }

    public ProjectEvent(Project project, ProjectEventType type, Account actor, String detail) {
        this.project = project;
        this.type = type;
        this.actor = actor;
        this.detail = detail;
        this.occurredAt = Instant.now();
    }

    public ProjectEvent withNote(String note) {
        this.note = note;
        return this;
    }

    public String getNote() {
        return note;
    }

    public Long getId() {
        return id;
    }

    public ProjectEventType getType() {
        return type;
    }

    public Account getActor() {
        return actor;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
