package fr.atelier51.knowledge.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.knowledge.domain.KnowledgeUpload;
import fr.atelier51.knowledge.domain.KnowledgeUploadRepository;
import fr.atelier51.knowledge.domain.UploadFormat;
import fr.atelier51.knowledge.domain.UploadPassage;
import fr.atelier51.knowledge.domain.UploadPassageRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Documents uploaded to the knowledge base by admins and coaches: extracted into passages (a PDF page, a heading
 * section), stored (file under {@code ${atelier51.data-dir}/uploads}, passages in the database) and indexed like
 * the rest. A bad file is refused before anything is written; the index takes a document whole (one commit).
 * Replacing or removing is for whoever added the document and for admins. Everyone signed in may read them.
 */
@Service
public class KnowledgeUploadService {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeUploadService.class);

    /**
     * What the admin page lists. {@code status}: PENDING (extraction and indexing running), INDEXED, FAILED with
     * {@code failureKey} and its arguments; {@code pendingFileName} is a replacement being processed.
     */
    public record UploadInfo(long id, String title, String fileName, UploadFormat format, long sizeBytes, int passages,
                             String addedBy, Instant addedAt, String updatedBy, Instant updatedAt, int revision,
                             boolean editable, KnowledgeUpload.Status status, String failureKey, Object[] failureArgs,
                             String pendingFileName) {
    }

    /** An uploaded document as its page shows it. */
    public record UploadDocument(UploadInfo info, List<DocumentExtractor.Section> sections, Path file) {
    }

    private final KnowledgeUploadRepository uploads;
    private final UploadPassageRepository passages;
    private final CurrentAccount currentAccount;
    private final KnowledgeIndex index;
    private final UploadIndexer indexer;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final Path folder;
    private final long maxBytes;

    public KnowledgeUploadService(KnowledgeUploadRepository uploads, UploadPassageRepository passages,
                                  CurrentAccount currentAccount, KnowledgeIndex index, UploadIndexer indexer,
                                  PlatformTransactionManager transactions,
                                  @Value("${atelier51.knowledge.upload-max-mb:20}") int maxMegabytes) {
        this.uploads = uploads;
        this.passages = passages;
        this.currentAccount = currentAccount;
        this.index = index;
        this.indexer = indexer;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.folder = indexer.folder(); // one resolution of the setting: a test data dir may be random
        this.maxBytes = maxMegabytes * 1024L * 1024L;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxMegabytes() {
        return (int) (maxBytes / (1024 * 1024));
    }

    /** Whether the signed-in user may upload (admins and coaches). */
    public boolean canUpload() {
        return currentAccount.find().map(a -> a.getRole() != Role.HOLDER).orElse(false);
    }

    public List<UploadInfo> list() {
        Account me = requireContributor();
        return readTx.execute(s -> uploads.findAllByOrderByUpdatedAtDesc().stream().map(u -> info(u, me)).toList());
    }

    /** Any signed-in user may read an uploaded document (search results link to it). */
    public UploadDocument document(long id) {
        Account me = currentAccount.require();
        return readTx.execute(s -> {
            KnowledgeUpload u = uploads.findById(id).orElseThrow(() -> new NotFoundException("knowledge.upload.error.not-found"));
            List<DocumentExtractor.Section> sections = passages.findByUploadIdOrderByPosition(id).stream()
                    .map(UploadDocuments::section).toList();
            return new UploadDocument(info(u, me), sections, folder.resolve(u.getStoredName()));
        });
    }

    /** One document as the admin page shows it (after a state change it heard of). */
    public java.util.Optional<UploadInfo> find(long id) {
        Account me = requireContributor();
        return readTx.execute(s -> uploads.findById(id).map(u -> info(u, me)));
    }

    /** Called with a document's id whenever its background processing changed its state (another thread). */
    public Runnable onStateChange(java.util.function.LongConsumer listener) {
        return indexer.addListener(listener);
    }

    /** Waits until every queued document is processed (tests). */
    public boolean awaitProcessed(long timeout, java.util.concurrent.TimeUnit unit) {
        return indexer.awaitIdle(timeout, unit) && index.awaitIdle(timeout, unit);
    }

    /**
     * Adds a document; the title defaults to the file name. Quick checks happen now; the document is then PENDING
     * while its text is extracted and indexed in the background.
     */
    public UploadInfo upload(String title, String fileName, byte[] bytes) {
        Account me = requireContributor();
        Prepared p = prepare(fileName, bytes);
        String cleanTitle = title(title, p.fileName);
        Path stored = store(p);
        try {
            Long id = tx.execute(s -> {
                KnowledgeUpload u = new KnowledgeUpload(cleanTitle, me, Instant.now());
                u.setFile(p.fileName, p.format, bytes.length, p.sha256, stored.getFileName().toString(), me, Instant.now());
                return uploads.save(u).getId();
            });
            log.info("Knowledge upload {} added by {}: {} (queued for extraction)", id, me.getEmail(), p.fileName);
            indexer.submit(id);
            return readTx.execute(s -> info(uploads.findById(id).orElseThrow(), me));
        } catch (RuntimeException e) {
            deleteQuietly(stored);
            throw e;
        }
    }

    /**
     * Replaces the file of a document; its title is kept unless a new one is given. The current version stays
     * searchable until the new file is extracted and indexed, and stays if the new file is refused.
     */
    public UploadInfo replace(long id, String title, String fileName, byte[] bytes) {
        Account me = requireContributor();
        readTx.execute(s -> editable(id, me));
        Prepared p = prepare(fileName, bytes);
        Path stored = store(p);
        String dropped;
        try {
            dropped = tx.execute(s -> {
                KnowledgeUpload u = editable(id, me);
                if (title != null && !title.isBlank()) {
                    u.setTitle(title(title, p.fileName));
                }
                String previousPending = u.getPendingStoredName();
                u.setPending(stored.getFileName().toString(), p.fileName, me);
                return previousPending;
            });
        } catch (RuntimeException e) {
            deleteQuietly(stored);
            throw e;
        }
        if (dropped != null) {
            deleteQuietly(folder.resolve(dropped)); // an earlier replacement still waiting: this one wins
        }
        log.info("Knowledge upload {} replaced by {}: {} (queued for extraction)", id, me.getEmail(), p.fileName);
        indexer.submit(id);
        return readTx.execute(s -> info(uploads.findById(id).orElseThrow(), me));
    }

    public void remove(long id) {
        Account me = requireContributor();
        List<String> files = tx.execute(s -> {
            KnowledgeUpload u = editable(id, me);
            passages.deleteByUpload(id);
            uploads.delete(u);
            return java.util.stream.Stream.of(u.getStoredName(), u.getPendingStoredName()).filter(java.util.Objects::nonNull).toList();
        });
        files.forEach(f -> deleteQuietly(folder.resolve(f)));
        log.info("Knowledge upload {} removed by {}", id, me.getEmail());
        index.uploadsChanged();
    }

    // ---------------------------------------------------------------- internals

    private record Prepared(String fileName, UploadFormat format, byte[] bytes, String sha256) {
    }

    /** The quick checks, before anything is written (the extraction runs in the background). */
    private Prepared prepare(String rawFileName, byte[] bytes) {
        String fileName = fileName(rawFileName);
        if (bytes != null && bytes.length > maxBytes) {
            throw new BusinessException("knowledge.upload.error.too-large", maxMegabytes());
        }
        UploadFormat format = DocumentExtractor.precheck(fileName, bytes);
        return new Prepared(fileName, format, bytes, sha256(bytes));
    }

    private Path store(Prepared p) {
        try {
            Files.createDirectories(folder);
            String ext = p.fileName.substring(p.fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            Path target = folder.resolve(UUID.randomUUID() + "." + ext);
            Path tmp = folder.resolve(target.getFileName() + ".part");
            Files.write(tmp, p.bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            log.error("Cannot store an uploaded document under {}", folder, e);
            throw new BusinessException("knowledge.upload.error.storage");
        }
    }

    private Account requireContributor() {
        Account me = currentAccount.require();
        if (me.getRole() == Role.HOLDER) {
            throw new ForbiddenException("knowledge.upload.error.forbidden");
        }
        return me;
    }

    private KnowledgeUpload editable(long id, Account me) {
        KnowledgeUpload u = uploads.findById(id).orElseThrow(() -> new NotFoundException("knowledge.upload.error.not-found"));
        if (!mayEdit(u, me)) {
            throw new ForbiddenException("knowledge.upload.error.not-owner");
        }
        return u;
    }

    private static boolean mayEdit(KnowledgeUpload u, Account me) {
        return me.getRole() == Role.ADMIN || (me.getRole() == Role.COACH && u.getAddedBy().getId().equals(me.getId()));
    }

    private UploadInfo info(KnowledgeUpload u, Account me) {
        int count = (int) passages.countByUploadId(u.getId());
        Object[] args = u.getFailureArg() == null ? new Object[0] : u.getFailureArg().split(UploadIndexer.ARG_SEPARATOR);
        return new UploadInfo(u.getId(), u.getTitle(), u.getFileName(), u.getFormat(), u.getSizeBytes(), count,
                u.getAddedBy().getDisplayName(), u.getAddedAt(), u.getUpdatedBy().getDisplayName(), u.getUpdatedAt(),
                u.getRevision(), mayEdit(u, me), u.getStatus(), u.getFailureKey(), args, u.getPendingFileName());
    }

    /** The file's own name, without any folder a browser may send, and without control characters. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            throw new BusinessException("knowledge.upload.error.format", "?");
        }
        return name.length() > 300 ? name.substring(name.length() - 300) : name;
    }

    private static String title(String title, String fileName) {
        String t = title == null || title.isBlank() ? fileName.replaceFirst("\\.[^.]+$", "") : title.strip();
        if (t.length() > KnowledgeUpload.TITLE_MAX) {
            throw new BusinessException("knowledge.upload.error.title", KnowledgeUpload.TITLE_MAX);
        }
        return t;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("Could not delete {}", p, e);
        }
    }
}
