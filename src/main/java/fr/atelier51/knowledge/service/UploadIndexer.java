package fr.atelier51.knowledge.service;

import fr.atelier51.base.service.BusinessException;
import fr.atelier51.knowledge.domain.KnowledgeUpload;
import fr.atelier51.knowledge.domain.KnowledgeUploadRepository;
import fr.atelier51.knowledge.domain.UploadFormat;
import fr.atelier51.knowledge.domain.UploadPassage;
import fr.atelier51.knowledge.domain.UploadPassageRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Extracts and indexes uploaded documents in the background, one at a time (a big PDF takes seconds of CPU on a
 * shared machine), so the uploader's page stays usable. A document is PENDING until its passages are saved and
 * the index commit that holds them succeeded (INDEXED), or FAILED with the French reason; a failure leaves
 * nothing of the new version in the database or the index. Documents still PENDING at start-up (the app stopped
 * mid-way) are processed again. Listeners (the admin page, through Vaadin Push) hear of every state change.
 */
@Component
public class UploadIndexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UploadIndexer.class);
    /** Documents waiting beyond the one being processed; more are refused with a message. */
    static final int QUEUE = 50;
    static final String ARG_SEPARATOR = "\u001f";

    private final KnowledgeUploadRepository uploads;
    private final UploadPassageRepository passages;
    private final KnowledgeIndex index;
    private final TransactionTemplate tx;
    private final Path folder;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), Thread.ofPlatform().name("knowledge-upload-", 0).daemon(true).factory());
    private final AtomicInteger unfinished = new AtomicInteger();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    public UploadIndexer(KnowledgeUploadRepository uploads, UploadPassageRepository passages, KnowledgeIndex index,
                         PlatformTransactionManager transactions,
                         @Value("${atelier51.knowledge.uploads-dir:${atelier51.data-dir}/uploads}") String folder) {
        this.uploads = uploads;
        this.passages = passages;
        this.index = index;
        this.tx = new TransactionTemplate(transactions);
        this.folder = Path.of(folder).toAbsolutePath().normalize();
    }

    /** The folder of the uploaded files. */
    Path folder() {
        return folder;
    }

    /** Documents left PENDING by a stop are processed again (their file is on disk). */
    @EventListener(ApplicationReadyEvent.class)
    public void resumePending() {
        List<Long> pending = tx.execute(s -> uploads.findByStatus(KnowledgeUpload.Status.PENDING).stream()
                .map(KnowledgeUpload::getId).toList());
        if (pending != null && !pending.isEmpty()) {
            log.info("Resuming the indexing of {} uploaded documents left pending", pending.size());
            pending.forEach(this::submit);
        }
    }

    /** Queues a PENDING document (after its transaction committed). */
    void submit(long id) {
        unfinished.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    process(id);
                } catch (RuntimeException e) {
                    log.error("Uploaded document {} could not be processed", id, e);
                    fail(id, null, "knowledge.upload.error.unexpected");
                } finally {
                    notifyListeners(id); // before counting it done: awaitIdle then sees the pushes queued
                    unfinished.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            fail(id, null, "knowledge.upload.error.busy");
            notifyListeners(id);
            unfinished.decrementAndGet();
        }
    }

    /** Called with a document's id whenever its state changed (from a background thread). */
    public Runnable addListener(LongConsumer listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Whether every queued document has been processed (tests); false on time-out. */
    public boolean awaitIdle(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (unfinished.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Before a replacement: the file it replaces (empty for a first upload), its version and its passages. */
    private record Replaced(String storedName, KnowledgeUpload.FileVersion previous, List<UploadPassage> passages) {
    }

    /** The file a PENDING document waits on: its replacement if one is pending, else its own file. */
    private record Job(boolean replacement, String storedName, String fileName) {
    }

    void process(long id) {
        Job job = tx.execute(s -> uploads.findById(id).filter(u -> u.getStatus() == KnowledgeUpload.Status.PENDING)
                .map(UploadIndexer::job).orElse(null));
        if (job == null) {
            return; // removed, or already processed
        }
        byte[] bytes;
        List<DocumentExtractor.Section> sections;
        try {
            bytes = Files.readAllBytes(folder.resolve(job.storedName()));
            sections = DocumentExtractor.extract(job.fileName(), bytes);
        } catch (IOException e) {
            log.warn("Uploaded file {} of document {} cannot be read", job.storedName(), id, e);
            fail(id, job, "knowledge.upload.error.lost");
            return;
        } catch (BusinessException e) {
            fail(id, job, e.messageKey(), e.args());
            return;
        }
        String sha = KnowledgeUploadService.sha256(bytes);
        UploadFormat format = UploadFormat.ofFileName(job.fileName()).orElseThrow();
        Replaced replaced = tx.execute(s -> {
            KnowledgeUpload u = current(id, job);
            if (u == null) {
                return null;
            }
            Replaced before = new Replaced("", null, List.of());
            if (job.replacement()) {
                // what the document was, put back if the new version cannot be indexed
                before = new Replaced(u.getStoredName(), u.fileVersion(), passages.findByUploadIdOrderByPosition(id)
                        .stream().map(p -> new UploadPassage(id, p.getPosition(), p.getAnchor(), p.getHeading(), p.getText()))
                        .toList());
                u.setFile(job.fileName(), format, bytes.length, sha, job.storedName(), u.getPendingBy(), Instant.now());
                u.clearPending();
            }
            passages.deleteByUpload(id);
            passages.flush();
            for (int i = 0; i < sections.size(); i++) {
                DocumentExtractor.Section section = sections.get(i);
                passages.save(new UploadPassage(id, i, section.anchor(), section.heading(), section.text()));
            }
            u.indexed();
            return before;
        });
        if (replaced == null) {
            return; // removed or replaced again meanwhile: the newer job decides
        }
        String replacedFile = replaced.storedName();
        try {
            index.syncUploadsNow();
        } catch (IOException | RuntimeException e) {
            // The index commit is all or nothing: bring the database back in line with the index, say so, and
            // re-sync. A replacement goes back to the previous version (still searchable); a new document goes.
            log.error("Uploaded document {} could not be indexed", id, e);
            tx.executeWithoutResult(s -> uploads.findById(id).ifPresent(u -> {
                passages.deleteByUpload(id);
                if (replaced.previous() != null) {
                    passages.flush();
                    u.restore(replaced.previous());
                    replaced.passages().forEach(passages::save);
                    u.failed("knowledge.upload.error.index-replacement", null);
                } else {
                    u.failed("knowledge.upload.error.index", null);
                }
            }));
            if (replaced.previous() != null) {
                deleteQuietly(folder.resolve(job.storedName())); // the refused replacement's file
            }
            index.uploadsChanged();
            return;
        }
        if (!replacedFile.isEmpty()) {
            deleteQuietly(folder.resolve(replacedFile));
        }
        log.info("Uploaded document {} indexed: {} ({} passages)", id, job.fileName(), sections.size());
    }

    private static Job job(KnowledgeUpload u) {
        return u.getPendingStoredName() != null ? new Job(true, u.getPendingStoredName(), u.getPendingFileName())
                : new Job(false, u.getStoredName(), u.getFileName());
    }

    /** The document if it still waits on this very job (not removed, not replaced again). */
    private KnowledgeUpload current(long id, Job job) {
        KnowledgeUpload u = uploads.findById(id).orElse(null);
        return u != null && u.getStatus() == KnowledgeUpload.Status.PENDING && job.equals(job(u)) ? u : null;
    }

    /** Marks the document failed; a refused replacement is dropped and the current version stays searchable. */
    private void fail(long id, Job job, String key, Object... args) {
        String arg = args == null || args.length == 0 ? null
                : Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(ARG_SEPARATOR));
        String dropped = tx.execute(s -> {
            KnowledgeUpload u = job == null ? uploads.findById(id).orElse(null) : current(id, job);
            if (u == null) {
                return null;
            }
            String pending = u.getPendingStoredName();
            u.clearPending();
            u.failed(key, arg);
            return pending;
        });
        if (dropped != null) {
            deleteQuietly(folder.resolve(dropped));
        }
        log.info("Uploaded document {} refused: {} {}", id, key, Objects.toString(arg, ""));
    }

    private void notifyListeners(long id) {
        for (LongConsumer listener : listeners) {
            try {
                listener.accept(id);
            } catch (RuntimeException e) {
                log.debug("Upload listener failed", e);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("Could not delete {}", p, e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        // PENDING documents are taken up again at the next start
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
