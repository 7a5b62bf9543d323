package fr.atelier51.knowledge.domain;

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
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A document uploaded to the knowledge base: who added it and when, who last replaced it, and where its file is.
 * Its text lives in {@link UploadPassage}s (a page of a PDF, a heading section of the other formats).
 */
@Entity
@Table(name = "knowledge_upload")
public class KnowledgeUpload {

    public static final int TITLE_MAX = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(name = "file_name", nullable = false, length = 300)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private UploadFormat format;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    /** File name under the uploads folder. */
    @Column(name = "stored_name", nullable = false, length = 120)
    private String storedName;

    /** 1 when added, +1 at each replacement (the index notices changes by it). */
    @Column(nullable = false)
    private int revision;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "added_by_id")
    private Account addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "updated_by_id")
    private Account updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Where the document stands in the background extraction and indexing. */
    public enum Status { PENDING, INDEXED, FAILED }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PENDING;

    /** Message key (and its one argument) of the last failure, in French on screen. */
    @Column(name = "failure_key", length = 100)
    private String failureKey;

    @Column(name = "failure_arg", length = 300)
    private String failureArg;

    /** A replacement being processed: its stored file and original name; the current version stays meanwhile. */
    @Column(name = "pending_stored_name", length = 120)
    private String pendingStoredName;

    @Column(name = "pending_file_name", length = 300)
    private String pendingFileName;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "pending_by_id")
    private Account pendingBy;

    protected KnowledgeUpload() {
    }

    public KnowledgeUpload(String title, Account addedBy, Instant now) {
        this.title = title;
        this.addedBy = addedBy;
        this.addedAt = now;
        this.updatedBy = addedBy;
        this.updatedAt = now;
        this.revision = 0;
    }

    /** Points the upload at a new file (first upload or replacement). */
    public void setFile(String fileName, UploadFormat format, long sizeBytes, String sha256, String storedName, Account by,
                        Instant now) {
        this.fileName = fileName;
        this.format = format;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storedName = storedName;
        this.updatedBy = by;
        this.updatedAt = now;
        this.revision++;
    }

    /** The file a document points at, kept while a replacement is indexed, to go back to if that fails. */
    public record FileVersion(String fileName, UploadFormat format, long sizeBytes, String sha256, String storedName,
                              Account updatedBy, Instant updatedAt, int revision) {
    }

    public FileVersion fileVersion() {
        return new FileVersion(fileName, format, sizeBytes, sha256, storedName, updatedBy, updatedAt, revision);
    }

    /** Back to a file version taken before a replacement (its revision included: the replacement never happened). */
    public void restore(FileVersion v) {
        this.fileName = v.fileName();
        this.format = v.format();
        this.sizeBytes = v.sizeBytes();
        this.sha256 = v.sha256();
        this.storedName = v.storedName();
        this.updatedBy = v.updatedBy();
        this.updatedAt = v.updatedAt();
        this.revision = v.revision();
    }

    /** A replacement file waits for its extraction; the document is "en cours" again. */
    public void setPending(String storedName, String fileName, Account by) {
        this.pendingStoredName = storedName;
        this.pendingFileName = fileName;
        this.pendingBy = by;
        this.status = Status.PENDING;
        this.failureKey = null;
        this.failureArg = null;
    }

    public void clearPending() {
        this.pendingStoredName = null;
        this.pendingFileName = null;
        this.pendingBy = null;
    }

    public void indexed() {
        this.status = Status.INDEXED;
        this.failureKey = null;
        this.failureArg = null;
    }

    public void failed(String key, String arg) {
        this.status = Status.FAILED;
        this.failureKey = key;
        this.failureArg = arg == null || arg.length() <= 300 ? arg : arg.substring(0, 300);
    }

    public Status getStatus() {
        return status;
    }

    public String getFailureKey() {
        return failureKey;
    }

    public String getFailureArg() {
        return failureArg;
    }

    public String getPendingStoredName() {
        return pendingStoredName;
    }

    public String getPendingFileName() {
        return pendingFileName;
    }

    public Account getPendingBy() {
        return pendingBy;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getFileName() {
        return fileName;
    }

    public UploadFormat getFormat() {
        return format;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getStoredName() {
        return storedName;
    }

    public int getRevision() {
        return revision;
    }

    public Account getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public Account getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
