package fr.atelier51.workspace.domain;

import fr.atelier51.account.domain.Account;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A thread anchored to a passage of one letter section: a comment or a suggestion, with its replies. */
@Entity
@Table(name = "letter_comment")
public class LetterComment {

    public static final int BODY_MAX = 5000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "section_key", nullable = false, length = 40)
    private String sectionKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CommentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CommentStatus status = CommentStatus.OPEN;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "author_id")
    private Account author;

    @Lob
    @Column(nullable = false)
    private String body;

    /** The suggested wording (suggestions only). */
    @Lob
    private String proposal;

    @Lob
    @Column(nullable = false)
    private String quote;

    @Column(name = "quote_prefix", nullable = false, length = 64)
    private String prefix;

    @Column(name = "quote_suffix", nullable = false, length = 64)
    private String suffix;

    @Column(name = "anchor_offset", nullable = false)
    private int anchorOffset;

    @Column(name = "anchor_version", nullable = false)
    private long anchorVersion;

    /** The section version the thread was written on (a suggestion is merged against it). */
    @Column(name = "base_version", nullable = false)
    private long baseVersion;

    /** The passage was deleted: the thread stays, without a place in the text. */
    @Column(nullable = false)
    private boolean orphaned;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "closed_by")
    private Account closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @OneToMany(mappedBy = "comment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt, id")
    private List<CommentReply> replies = new ArrayList<>();

    protected LetterComment() {
    }

    public LetterComment(long projectId, SectionKey key, CommentKind kind, Account author, String body, String proposal,
                         TextQuote anchor) {
        this.projectId = projectId;
        this.sectionKey = key.key();
        this.kind = kind;
        this.author = author;
        this.body = body;
        this.proposal = proposal;
        this.baseVersion = anchor.version();
        this.createdAt = Instant.now();
        moveTo(anchor);
    }

    /** The passage was found again (possibly elsewhere, possibly reworded inside). */
    public void moveTo(TextQuote anchor) {
        this.quote = anchor.quote();
        this.prefix = anchor.prefix();
        this.suffix = anchor.suffix();
        this.anchorOffset = anchor.offset();
        this.anchorVersion = anchor.version();
        this.orphaned = false;
    }

    public void orphan() {
        this.orphaned = true;
    }

    public void close(CommentStatus newStatus, Account by) {
        this.status = newStatus;
        this.closedBy = by;
        this.closedAt = Instant.now();
    }

    public void reopen() {
        this.status = CommentStatus.OPEN;
        this.closedBy = null;
        this.closedAt = null;
    }

    public CommentReply reply(Account replier, String text) {
        CommentReply reply = new CommentReply(this, replier, text);
        replies.add(reply);
        return reply;
    }

    public TextQuote anchor() {
        return new TextQuote(quote, prefix, suffix, anchorOffset, anchorVersion);
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

    public CommentKind getKind() {
        return kind;
    }

    public CommentStatus getStatus() {
        return status;
    }

    public Account getAuthor() {
        return author;
    }

    public String getBody() {
        return body;
    }

    public String getProposal() {
        return proposal;
    }

    public long getBaseVersion() {
        return baseVersion;
    }

    public boolean isOrphaned() {
        return orphaned;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Account getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public List<CommentReply> getReplies() {
        return List.copyOf(replies);
    }
}
