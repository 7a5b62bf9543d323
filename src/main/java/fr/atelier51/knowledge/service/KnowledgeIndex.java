package fr.atelier51.knowledge.service;

import fr.atelier51.knowledge.domain.Article51Core;
import fr.atelier51.knowledge.domain.ArticleRefs;
import fr.atelier51.knowledge.domain.ArticleVersion;
import fr.atelier51.knowledge.domain.LegalArticle;
import fr.atelier51.knowledge.domain.Note;
import fr.atelier51.knowledge.domain.SourceKind;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import static fr.atelier51.knowledge.service.KnowledgeFields.*;

/**
 * The one Lucene index of the knowledge base, on disk under {@code ${atelier51.data-dir}/index}. It is built in
 * the background at start-up only when its sources changed (a fingerprint of the legi-data version, the codes,
 * the notes and the analysis is stored in the index commit), so a restart with an index present opens it in
 * well under a second. Builds go to a new generation folder and are swapped in atomically: searches keep
 * answering from the previous index during a re-index.
 */
@Component
public class KnowledgeIndex implements DisposableBean {

    public enum State { NOT_STARTED, BUILDING, READY, FAILED }

    /** Bump when the documents change shape: the fingerprint includes it. */
    static final String SCHEMA = "schema-7"; // 4: each unit indexed as one block (one segment); 5: dense norms; 6: KnowledgeCodec; 7: forms
    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String FINGERPRINT = "fingerprint";
    private static final String UPLOADS_DIGEST = "uploads";

    /** Tokens of the synonym forms a passage holds: counted, without positions or length norms. */
    private static final FieldType FORMS_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        FORMS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        FORMS_TYPE.setOmitNorms(true);
        FORMS_TYPE.freeze();
    }

    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    /** The text field's schema, not stored: an article record's empty text (see {@link #scoredFieldsEmpty}). */
    private static final FieldType EMPTY_TEXT = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
        EMPTY_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        EMPTY_TEXT.freeze();
    }

    private final Path root;
    private final List<String> codes;
    private final boolean buildOnStart;
    private final NotesReader notesReader = new NotesReader();

    private volatile State state = State.NOT_STARTED;
    private volatile double progress;
    private volatile SearcherManager manager;
    private volatile List<Note> notes = List.of();
    private volatile String fingerprint = "";
    private volatile Map<String, String> refByLegiId = Map.of();
    /** Units ("CODE:REF") of each article reference, one per code holding it: a reference jump or link needs no search. */
    private volatile Map<String, List<String>> unitsByRef = Map.of();
    private volatile Map<String, String> codeShortById = Map.of();
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile UploadDocuments uploads;
    private volatile Map<Long, String> uploadTitles = Map.of();
    /** Whether the uploaded documents of the index may differ from the database (checked once at start). */
    private volatile boolean uploadsDirty = true;
    private volatile CountDownLatch firstReady = new CountDownLatch(1);
    private volatile Stats lastBuild;

    /** What the last build did (shown on the admin page and printed by the benchmark). */
    public record Stats(int articles, int notes, int passages, long millis, long bytes) {
    }

    public KnowledgeIndex(@Value("${atelier51.knowledge.index-dir:${atelier51.data-dir}/index}") String indexDir,
                          @Value("${atelier51.knowledge.codes:LEGITEXT000006073189}") List<String> codes,
                          @Value("${atelier51.knowledge.build-on-start:true}") boolean buildOnStart) {
        this.root = Path.of(indexDir).toAbsolutePath().normalize();
        this.codes = codes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.buildOnStart = buildOnStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (buildOnStart) {
            startInBackground(false);
        }
    }

    /** Opens the index, or builds it in the background if a source changed (or always when {@code force}). */
    public boolean startInBackground(boolean force) {
        if (!building.compareAndSet(false, true)) {
            return false;
        }
        if (force) {
            progress = 0;
        }
        Thread.ofPlatform().name("knowledge-index").daemon(true).start(() -> {
            try {
                openOrBuild(force);
            } finally {
                building.set(false);
            }
        });
        return true;
    }

    /** Same as {@link #startInBackground} but in the calling thread (benchmark, tests). */
    public void openOrBuildNow(boolean force) {
        if (!building.compareAndSet(false, true)) {
            awaitReady(10, TimeUnit.MINUTES);
            return;
        }
        try {
            openOrBuild(force);
        } finally {
            building.set(false);
        }
    }

    /**
     * One writer at a time in this JVM (builds and upload updates), even across application contexts sharing an
     * index folder (tests).
     */
    private static final ReentrantLock WRITE_LOCK = new ReentrantLock();

    private void openOrBuild(boolean force) {
        WRITE_LOCK.lock();
        try {
            openOrBuildLocked(force);
        } finally {
            WRITE_LOCK.unlock();
        }
        drainUploads();
    }

    // ---------------------------------------------------------------- uploaded documents

    /** Set by Spring; absent in the benchmark (no database). */
    @Autowired(required = false)
    void setUploads(UploadDocuments uploads) {
        this.uploads = uploads;
    }

    /**
     * Brings the uploaded documents of the index in line with the database: now if no build runs, else as soon as
     * the running build ends. The update is one Lucene commit: a document is searchable whole or not at all.
     */
    public void uploadsChanged() {
        uploadsDirty = true;
        drainUploads();
    }

    /**
     * Same as {@link #uploadsChanged()} but now, waiting for a running build or update, and failing loudly: the
     * background upload indexer must know whether its document made it into the index.
     */
    void syncUploadsNow() throws IOException {
        uploadsDirty = true;
        if (manager == null) {
            return; // the first build reads the uploaded documents itself, or drains them right after
        }
        WRITE_LOCK.lock();
        try {
            uploadsDirty = false;
            syncUploadsLocked();
        } catch (IOException | RuntimeException e) {
            uploadsDirty = true;
            throw e;
        } finally {
            WRITE_LOCK.unlock();
        }
    }

    private void drainUploads() {
        while (uploadsDirty && manager != null && WRITE_LOCK.tryLock()) {
            try {
                uploadsDirty = false;
                syncUploadsLocked();
            } catch (IOException | RuntimeException e) {
                log.error("Uploaded documents could not be indexed (will retry at the next change or start)", e);
                return;
            } finally {
                WRITE_LOCK.unlock();
            }
        }
    }

    private void syncUploadsLocked() throws IOException {
        Optional<Path> gen = currentGeneration();
        if (uploads == null || gen.isEmpty() || manager == null) {
            return;
        }
        uploadTitles = Map.copyOf(uploads.titles());
        String digest = uploads.digest();
        try (FSDirectory dir = FSDirectory.open(gen.get())) {
            Map<String, String> data;
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                data = new HashMap<>(reader.getIndexCommit().getUserData());
            }
            if (digest.equals(data.get(UPLOADS_DIGEST))) {
                return;
            }
            List<UploadDocuments.Doc> docs = uploads.all();
            IndexWriterConfig config = new IndexWriterConfig(FrenchAnalyzers.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
                    .setCodec(new KnowledgeCodec());
            int passages = 0;
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                writer.deleteDocuments(new Term(SOURCE, SourceKind.UPLOAD.name()));
                for (UploadDocuments.Doc doc : docs) {
                    passages += addUnit(writer, doc.sections().stream().map(section -> uploadPassage(doc, section)).toList());
                }
                data.put(UPLOADS_DIGEST, digest);
                writer.setLiveCommitData(data.entrySet());
                writer.commit();
            }
            log.info("Knowledge index: {} uploaded documents ({} passages) indexed", docs.size(), passages);
        }
        manager.maybeRefreshBlocking();
    }

    /**
     * The documents of one unit of citation (an article with its passages, a note, an uploaded document) as one
     * block: Lucene keeps a block in one segment, even through merges, which {@link TopUnitsCollector} relies on.
     */
    private static int addUnit(IndexWriter writer, List<Document> block) throws IOException {
        writer.addDocuments(block);
        return block.size();
    }

    private void openOrBuildLocked(boolean force) {
        try {
            List<Note> currentNotes = notesReader.readAll();
            String wanted = fingerprint(currentNotes);
            this.notes = currentNotes;
            Optional<Path> current = currentGeneration();
            if (!force && current.isPresent() && wanted.equals(readFingerprint(current.get()))) {
                swapTo(current.get(), wanted);
                log.info("Knowledge index opened from {} (sources unchanged)", current.get());
            } else {
                if (manager == null) {
                    state = State.BUILDING;
                }
                build(currentNotes, wanted);
            }
            state = State.READY;
        } catch (Exception e) {
            log.error("Knowledge index could not be built", e);
            if (manager == null) {
                state = State.FAILED;
            }
        } finally {
            progress = 1;
            firstReady.countDown();
        }
    }

    public State state() {
        return manager != null ? State.READY : state;
    }

    /** True while a (re)build runs, even if an older index still answers. */
    public boolean isBuilding() {
        return building.get() && progress < 1;
    }

    public double progress() {
        return progress;
    }

    public Optional<Stats> lastBuild() {
        return Optional.ofNullable(lastBuild);
    }

    public boolean awaitReady(long timeout, TimeUnit unit) {
        try {
            firstReady.await(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return manager != null;
    }

    /** Waits until no build nor upload update runs (tests, benchmark); false on time-out. */
    public boolean awaitIdle(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (building.get() || WRITE_LOCK.isLocked() || (uploadsDirty && manager != null)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            drainUploads();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Uploaded documents' titles by id (for suggestions). */
    Map<Long, String> uploadTitles() {
        return uploadTitles;
    }

    List<Note> notes() {
        return notes;
    }

    /** Our article for a LEGIARTI id (any version id or the common cid), as "CODE:REF". */
    Optional<String> unitOfLegiId(String legiId) {
        return Optional.ofNullable(refByLegiId.get(legiId));
    }

    /**
     * Our article for a normalised reference: in the given code, else in the first configured code that holds it
     * (the order of {@code atelier51.knowledge.codes}).
     */
    Optional<String> unitOfRef(String ref, String codeId) {
        List<String> units = unitsByRef.getOrDefault(ref, List.of());
        if (codeId != null && !codeId.isBlank()) {
            String prefix = codeId + ":";
            return units.stream().filter(u -> u.startsWith(prefix)).findFirst();
        }
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (String unit : units) {
            int rank = codes.indexOf(unit.substring(0, unit.indexOf(':')));
            rank = rank < 0 ? Integer.MAX_VALUE - 1 : rank;
            if (rank < bestRank) {
                best = unit;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    String codeShort(String codeId) {
        return codeShortById.getOrDefault(codeId, codeId);
    }

    List<String> codes() {
        return codes;
    }

    public Path directory() {
        return currentGeneration().orElse(root);
    }

    /** Runs a read on the current searcher. */
    <T> T withSearcher(SearchFunction<T> fn) {
        SearcherManager m = manager;
        if (m == null) {
            throw new IllegalStateException("index not ready");
        }
        try {
            IndexSearcher searcher = m.acquire();
            try {
                return fn.apply(searcher);
            } finally {
                m.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    // ---------------------------------------------------------------- build

    private void build(List<Note> currentNotes, String wanted) throws IOException {
        long start = System.nanoTime();
        progress = 0;
        LocalDate today = LocalDate.now(PARIS);
        LegiDataReader legi = new LegiDataReader();
        List<String> present = codes.stream().filter(LegiDataReader::available).toList();
        if (present.size() < codes.size()) {
            log.warn("Official codes missing from the build output (run the Maven build): {}",
                    codes.stream().filter(c -> !present.contains(c)).toList());
        }
        Files.createDirectories(root);
        Path target = root.resolve("gen-" + System.currentTimeMillis());
        int articles = 0;
        int passages = 0;
        IndexWriterConfig config = new IndexWriterConfig(FrenchAnalyzers.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setCodec(new KnowledgeCodec())
                .setRAMBufferSizeMB(64);
        try (FSDirectory dir = FSDirectory.open(target); IndexWriter writer = new IndexWriter(dir, config)) {
            double share = present.isEmpty() ? 0 : 0.95 / present.size();
            int codeIndex = 0;
            for (String code : present) {
                List<LegalArticle> list = legi.read(code, today);
                for (int i = 0; i < list.size(); i++) {
                    LegalArticle a = list.get(i);
                    List<Document> block = new ArrayList<>();
                    block.add(articleRecord(a));
                    for (ArticleSplitter.Part part : ArticleSplitter.split(a.html())) {
                        block.add(articlePassage(a, part));
                    }
                    passages += addUnit(writer, block) - 1;
                    articles++;
                    if (i % 200 == 0) {
                        progress = share * (codeIndex + (double) i / list.size());
                    }
                }
                codeIndex++;
            }
            for (Note note : currentNotes) {
                passages += addUnit(writer, note.sections().stream().map(section -> notePassage(note, section)).toList());
            }
            Map<String, String> commitData = new HashMap<>(Map.of(FINGERPRINT, wanted));
            if (uploads != null) {
                String digest = uploads.digest();
                for (UploadDocuments.Doc doc : uploads.all()) {
                    passages += addUnit(writer, doc.sections().stream().map(section -> uploadPassage(doc, section)).toList());
                }
                commitData.put(UPLOADS_DIGEST, digest);
            }
            writer.setLiveCommitData(commitData.entrySet());
            writer.forceMerge(1);
            writer.commit();
        }
        Path tmp = root.resolve("CURRENT.tmp");
        Files.writeString(tmp, target.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve("CURRENT"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        swapTo(target, wanted);
        deleteOtherGenerations(target);
        long millis = (System.nanoTime() - start) / 1_000_000;
        lastBuild = new Stats(articles, currentNotes.size(), passages, millis, size(target));
        log.info("Knowledge index built: {} articles, {} notes, {} passages in {} ms ({} bytes)", articles,
                currentNotes.size(), passages, millis, lastBuild.bytes());
    }

    private void swapTo(Path generation, String fp) throws IOException {
        SearcherManager next = new SearcherManager(FSDirectory.open(generation), new SearcherFactory());
        Map<String, String> byLegiId = new ConcurrentHashMap<>();
        Map<String, String> shortNames = new ConcurrentHashMap<>();
        Map<String, List<String>> byRef = new HashMap<>();
        IndexSearcher s = next.acquire();
        try {
            TopDocs all = s.search(new TermQuery(new Term(TYPE, TYPE_ARTICLE)), Math.max(1, s.getIndexReader().maxDoc()));
            StoredFields stored = s.storedFields();
            var wanted = java.util.Set.of(UNIT, REF, LEGI_ID, CID, CODE, CODE_SHORT, VERSIONS);
            for (var sd : all.scoreDocs) {
                Document d = stored.document(sd.doc, wanted);
                String unit = d.get(UNIT);
                byLegiId.put(d.get(LEGI_ID), unit);
                byRef.computeIfAbsent(d.get(REF), r -> new ArrayList<>(1)).add(unit);
                byLegiId.putIfAbsent(d.get(CID), unit);
                for (ArticleVersion v : decodeVersions(d.get(VERSIONS))) {
                    byLegiId.putIfAbsent(v.legiId(), unit);
                }
                shortNames.putIfAbsent(d.get(CODE), d.get(CODE_SHORT));
            }
        } finally {
            next.release(s);
        }
        SearcherManager previous = manager;
        this.refByLegiId = byLegiId;
        byRef.replaceAll((ref, units) -> List.copyOf(units));
        this.unitsByRef = byRef;
        this.codeShortById = shortNames;
        this.manager = next;
        this.fingerprint = fp;
        if (previous != null) {
            previous.close();
        }
    }

    private Optional<Path> currentGeneration() {
        Path pointer = root.resolve("CURRENT");
        try {
            if (Files.isRegularFile(pointer)) {
                Path gen = root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
                if (Files.isDirectory(gen)) {
                    return Optional.of(gen);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read {}", pointer, e);
        }
        return Optional.empty();
    }

    private static String readFingerprint(Path generation) {
        try (FSDirectory dir = FSDirectory.open(generation); DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.getIndexCommit().getUserData().getOrDefault(FINGERPRINT, "");
        } catch (IOException e) {
            return "";
        }
    }

    private void deleteOtherGenerations(Path keep) {
        try (Stream<Path> gens = Files.list(root)) {
            for (Path gen : gens.filter(p -> p.getFileName().toString().startsWith("gen-") && !p.equals(keep)).toList()) {
                try (Stream<Path> walk = Files.walk(gen)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    log.debug("Old index generation {} not deleted yet", gen, e);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot clean old index generations", e);
        }
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    String fingerprint(List<Note> currentNotes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Properties manifest = LegiDataReader.manifest().orElseGet(Properties::new);
            update(sha, SCHEMA, FrenchAnalyzers.VERSION, IndexedForms.DOMAIN.signature(), manifest.getProperty("package", "-"),
                    manifest.getProperty("version", "-"), String.join(",", codes),
                    String.join(",", codes.stream().filter(LegiDataReader::available).toList()));
            for (Note n : currentNotes) {
                update(sha, n.id(), n.title(), n.updated() == null ? "" : n.updated(), String.join(",", n.references()), n.markdown());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String... parts) {
        for (String p : parts) {
            sha.update(p.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }

    // ---------------------------------------------------------------- documents

    /** Upper bound of every passage weight below (the search's pruning relies on it). */
    static final float MAX_WEIGHT = 2.0f;

    static float weight(LegalArticle.Emphasis emphasis, boolean inForce) {
        float w = switch (emphasis) {
            case CORE -> 2.0f;
            case NAMED_BY_CORE -> 1.25f;
            case NONE -> 1.0f;
        };
        return inForce ? w : w * 0.6f;
    }

    static final float NOTE_WEIGHT = 1.6f;

    private static String unit(LegalArticle a) {
        return a.codeId() + ":" + a.ref();
    }

    /**
     * In force is decided at query time (state allows it and today is within the version's dates), so the index
     * need not be rebuilt when a deferred abrogation or a future version takes effect.
     */
    private static void addValidity(Document d, LegalArticle a) {
        boolean etatAllows = a.etat() == null || "VIGUEUR".equals(a.etat()) || "ABROGE_DIFF".equals(a.etat())
                || "VIGUEUR_DIFF".equals(a.etat());
        d.add(new StringField(IN_FORCE, etatAllows ? "1" : "0", Field.Store.NO));
        d.add(new LongPoint(FROM_DAY, a.from() == null ? Long.MIN_VALUE : a.from().toEpochDay()));
        d.add(new LongPoint(TO_DAY, a.to() == null ? Long.MAX_VALUE : a.to().toEpochDay()));
    }

    /** The unit of citation, stored and as doc values (search groups hits by unit without reading stored fields). */
    static void addUnit(Document d, String unit) {
        d.add(new StringField(UNIT, unit, Field.Store.YES));
        d.add(new SortedDocValuesField(UNIT, new BytesRef(unit)));
    }

    private static Document articleRecord(LegalArticle a) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_ARTICLE, Field.Store.NO));
        d.add(new StringField(SOURCE, SourceKind.OFFICIAL.name(), Field.Store.NO));
        addUnit(d, unit(a));
        d.add(new StringField(CODE, a.codeId(), Field.Store.YES));
        d.add(new StoredField(CODE_SHORT, a.codeShort()));
        d.add(new StoredField("codeTitle", a.codeTitle()));
        d.add(new StringField(REF, a.ref(), Field.Store.YES));
        d.add(new StringField(LEGI_ID, a.legiId(), Field.Store.YES));
        d.add(new StringField(CID, a.cid(), Field.Store.YES));
        d.add(new StoredField(ETAT, a.etat() == null ? "" : a.etat()));
        d.add(new StoredField(FROM, a.from() == null ? "" : a.from().toString()));
        d.add(new StoredField(TO, a.to() == null ? "" : a.to().toString()));
        addValidity(d, a);
        d.add(new StoredField(EMPHASIS, a.emphasis().name()));
        d.add(new StoredField(HTML, a.html()));
        if (a.nota() != null) {
            d.add(new StoredField(NOTA, a.nota()));
        }
        d.add(new StoredField(ARTICLE_CRUMBS, String.join(CRUMB_SEPARATOR, a.breadcrumb())));
        d.add(new StoredField(VERSIONS, encodeVersions(a.versions())));
        scoredFieldsEmpty(d);
        return d;
    }

    /**
     * Gives a document that no search scores (an article record) the scored fields, empty, and a weight. Lucene
     * then keeps their norms and the weight dense, read straight by document number; with a quarter of the
     * documents lacking them they were sparse, and every scored passage paid a lookup in each field's
     * presence table (about a tenth of a search). An empty field adds no term, so the ranking is unchanged.
     */
    private static void scoredFieldsEmpty(Document d) {
        d.add(new Field(TEXT, "", EMPTY_TEXT));
        d.add(new TextField(EXACT, "", Field.Store.NO));
        d.add(new TextField(TITLE, "", Field.Store.NO));
        d.add(new TextField(CRUMBS, "", Field.Store.NO));
        d.add(new FloatDocValuesField(WEIGHT, 0f));
    }

    /** Subjects only for the CSS core: another code may reuse the numbers. */
    private static Optional<String> subjectOf(LegalArticle a) {
        return a.emphasis() == LegalArticle.Emphasis.CORE ? Article51Core.subject(a.ref()) : Optional.empty();
    }

    private static Document articlePassage(LegalArticle a, ArticleSplitter.Part part) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_PASSAGE, Field.Store.NO));
        d.add(new StringField(SOURCE, SourceKind.OFFICIAL.name(), Field.Store.YES));
        addUnit(d, unit(a));
        d.add(new StringField(CODE, a.codeId(), Field.Store.YES));
        d.add(new StoredField(CODE_SHORT, a.codeShort()));
        d.add(new StringField(REF, a.ref(), Field.Store.YES));
        for (String cited : ArticleRefs.findInText(part.text())) {
            d.add(new StringField(CITED, cited, Field.Store.NO));
        }
        addValidity(d, a);
        d.add(new StoredField(EMPHASIS, a.emphasis().name()));
        d.add(new FloatDocValuesField(WEIGHT, weight(a.emphasis(), a.inForce())));
        String title = "Article " + a.displayRef() + subjectOf(a).map(t -> " — " + t).orElse("");
        d.add(new TextField(TITLE, title, Field.Store.YES));
        d.add(new Field(TEXT, part.text(), TEXT_WITH_OFFSETS));
        d.add(new TextField(EXACT, part.text(), Field.Store.NO));
        d.add(new Field(FORMS, IndexedForms.DOMAIN.tokensOf(part.text()), FORMS_TYPE));
        List<String> crumbs = new ArrayList<>(a.breadcrumb());
        d.add(new TextField(CRUMBS, String.join(CRUMB_SEPARATOR, crumbs), Field.Store.YES));
        d.add(new StoredField(ANCHOR, part.anchor()));
        d.add(new StringField(LEGI_ID, a.legiId(), Field.Store.YES));
        d.add(new StoredField(ETAT, a.etat() == null ? "" : a.etat()));
        d.add(new StoredField(FROM, a.from() == null ? "" : a.from().toString()));
        d.add(new StoredField(TO, a.to() == null ? "" : a.to().toString()));
        return d;
    }

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    static String markdownToText(String markdown) {
        return PLAIN.render(MARKDOWN.parse(markdown));
    }

    private static Document notePassage(Note note, Note.Section section) {
        Document d = new Document();
        String text = markdownToText(section.markdown());
        d.add(new StringField(TYPE, TYPE_PASSAGE, Field.Store.NO));
        d.add(new StringField(SOURCE, SourceKind.NOTE.name(), Field.Store.YES));
        addUnit(d, "note:" + note.id());
        d.add(new StringField(CODE, "", Field.Store.NO));
        d.add(new StringField(NOTE_ID, note.id(), Field.Store.YES));
        for (String cited : ArticleRefs.findInText(section.heading() + "\n" + text)) {
            d.add(new StringField(CITED, cited, Field.Store.NO));
        }
        d.add(new StringField(IN_FORCE, "1", Field.Store.NO));
        d.add(new LongPoint(FROM_DAY, Long.MIN_VALUE));
        d.add(new LongPoint(TO_DAY, Long.MAX_VALUE));
        d.add(new FloatDocValuesField(WEIGHT, NOTE_WEIGHT));
        String title = section.heading().isEmpty() ? note.title() : section.heading();
        d.add(new TextField(TITLE, title + " — " + note.title(), Field.Store.NO));
        d.add(new StoredField("sectionTitle", title));
        d.add(new StoredField("noteTitle", note.title()));
        d.add(new Field(TEXT, text, TEXT_WITH_OFFSETS));
        d.add(new TextField(EXACT, text, Field.Store.NO));
        d.add(new Field(FORMS, IndexedForms.DOMAIN.tokensOf(text), FORMS_TYPE));
        d.add(new TextField(CRUMBS, String.join(CRUMB_SEPARATOR, "Notes Atelier 51", note.title(), title), Field.Store.YES));
        d.add(new StoredField(ANCHOR, section.anchor()));
        d.add(new StoredField(UPDATED, note.updated() == null ? "" : note.updated()));
        return d;
    }

    static Document uploadPassage(UploadDocuments.Doc upload, DocumentExtractor.Section section) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_PASSAGE, Field.Store.NO));
        d.add(new StringField(SOURCE, SourceKind.UPLOAD.name(), Field.Store.YES));
        addUnit(d, "upload:" + upload.id());
        d.add(new StringField(CODE, "", Field.Store.NO));
        d.add(new StringField(UPLOAD_ID, Long.toString(upload.id()), Field.Store.YES));
        for (String cited : ArticleRefs.findInText(section.heading() + "\n" + section.text())) {
            d.add(new StringField(CITED, cited, Field.Store.NO));
        }
        d.add(new StringField(IN_FORCE, "1", Field.Store.NO));
        d.add(new LongPoint(FROM_DAY, Long.MIN_VALUE));
        d.add(new LongPoint(TO_DAY, Long.MAX_VALUE));
        d.add(new FloatDocValuesField(WEIGHT, UPLOAD_WEIGHT));
        String heading = section.heading().isBlank() ? upload.title() : section.heading();
        d.add(new TextField(TITLE, heading + " — " + upload.title(), Field.Store.NO));
        d.add(new StoredField("sectionTitle", heading));
        d.add(new StoredField(UPLOAD_TITLE, upload.title()));
        d.add(new StoredField(UPLOAD_FILE, upload.fileName()));
        d.add(new StoredField(UPLOAD_BY, upload.addedBy()));
        d.add(new Field(TEXT, section.text(), TEXT_WITH_OFFSETS));
        d.add(new TextField(EXACT, section.text(), Field.Store.NO));
        d.add(new Field(FORMS, IndexedForms.DOMAIN.tokensOf(section.text()), FORMS_TYPE));
        d.add(new TextField(CRUMBS, String.join(CRUMB_SEPARATOR, "Documents déposés", upload.title(), heading), Field.Store.YES));
        d.add(new StoredField(ANCHOR, section.anchor()));
        d.add(new StoredField(UPDATED, upload.updatedOn().toString()));
        return d;
    }

    static final float UPLOAD_WEIGHT = 1.0f;

    static String encodeVersions(List<ArticleVersion> versions) {
        StringBuilder b = new StringBuilder();
        for (ArticleVersion v : versions) {
            b.append(v.legiId()).append('|').append(v.etat()).append('|').append(v.version()).append('|')
                    .append(v.from() == null ? "" : v.from()).append('|').append(v.to() == null ? "" : v.to()).append('\n');
        }
        return b.toString();
    }

    static List<ArticleVersion> decodeVersions(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return List.of();
        }
        return Arrays.stream(encoded.split("\n")).filter(l -> !l.isBlank()).map(l -> {
            String[] p = l.split("\\|", -1);
            return new ArticleVersion(p[0], p[1], p[2], p[3].isEmpty() ? null : LocalDate.parse(p[3]),
                    p[4].isEmpty() ? null : LocalDate.parse(p[4]));
        }).toList();
    }

    @Override
    public void destroy() throws IOException {
        SearcherManager m = manager;
        manager = null;
        if (m != null) {
            m.close();
        }
    }
}
