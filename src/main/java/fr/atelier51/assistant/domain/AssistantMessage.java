package fr.atelier51.assistant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One message of the conversation, append-only. */
@Entity
@Table(name = "assistant_message")
public class AssistantMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MessageAuthor author;

    @Column(name = "author_name", length = 120)
    private String authorName;

    @Lob
    @Column(nullable = false)
    private String text;

    @Lob
    @Column(name = "citations_json")
    @Convert(converter = CitationsConverter.class)
    private List<Citation> citations;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AssistantMessage() {
    }

    public AssistantMessage(long projectId, MessageAuthor author, String authorName, String text, List<Citation> citations) {
        this.projectId = projectId;
        this.author = author;
        this.authorName = authorName;
        this.text = text;
        this.citations = List.copyOf(citations);
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public MessageAuthor getAuthor() { return author; }
    public String getAuthorName() { return authorName; }
    public String getText() { return text; }
    /** The model's rephrasing (or the engine's reply with a notice) replaces the engine's words once a stream ends. */
    public void rephrase(String text) { this.text = text; }
    public List<Citation> getCitations() { return citations == null ? List.of() : citations; }
    public Instant getCreatedAt() { return createdAt; }
}
