package fr.atelier51.knowledge;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.knowledge.domain.KnowledgeUpload;
import fr.atelier51.knowledge.domain.KnowledgeUploadRepository;
import fr.atelier51.knowledge.domain.UploadFormat;
import fr.atelier51.knowledge.domain.UploadPassageRepository;
import fr.atelier51.knowledge.domain.SourceKind;
import fr.atelier51.knowledge.service.KnowledgeAdminService;
import fr.atelier51.knowledge.service.KnowledgeHit;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.knowledge.service.KnowledgeQuery;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import fr.atelier51.knowledge.service.KnowledgeUploadService;
import fr.atelier51.knowledge.service.KnowledgeUploadService.UploadInfo;
import fr.atelier51.knowledge.service.UploadIndexer;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static fr.atelier51.knowledge.TestDocuments.utf8;
import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploaded documents with real files made by the tests: good ones become searchable passages (a PDF page, a
 * heading section) and can be replaced and removed; bad ones are refused whole with a clear message (at once for
 * the quick checks, as the document's FAILED state for what the background extraction finds), nothing of them is
 * indexed, and the base keeps working. Documents left pending by a stop are taken up again.
 */
@IntegrationTest
class KnowledgeUploadTest {

    @Autowired
    KnowledgeUploadService uploads;
    @Autowired
    KnowledgeAdminService admin;
    @Autowired
    KnowledgeSearchService search;
    @Autowired
    KnowledgeIndex index;
    @Autowired
    KnowledgeUploadRepository repository;
    @Autowired
    UploadPassageRepository passageRepository;
    @Autowired
    UploadIndexer indexer;
    @Autowired
    Fixtures fixtures;
    Account coach;
    Account otherCoach;
    Account administrator;
    Account holder;

    @BeforeEach
    void setUp() {
        assertThat(index.awaitReady(5, TimeUnit.MINUTES)).isTrue();
        assertThat(index.awaitIdle(5, TimeUnit.MINUTES)).isTrue();
        coach = fixtures.account(Role.COACH, "Colette");
        otherCoach = fixtures.account(Role.COACH, "Corentin");
        administrator = fixtures.account(Role.ADMIN, "Adèle");
        holder = fixtures.account(Role.HOLDER, "Hugo");
    }

    private List<KnowledgeHit> uploaded(String query) {
        index.awaitIdle(1, TimeUnit.MINUTES);
        return as(holder, () -> search.search(new KnowledgeQuery(query, 10, EnumSet.of(SourceKind.UPLOAD), null, true)).hits());
    }

    /** The document once its background extraction and indexing ended. */
    private UploadInfo processed(Account who, UploadInfo info) {
        assertThat(uploads.awaitProcessed(2, TimeUnit.MINUTES)).isTrue();
        return as(who, () -> uploads.find(info.id())).orElseThrow();
    }

    private UploadInfo added(Account who, String title, String fileName, byte[] bytes) {
        UploadInfo info = processed(who, as(who, () -> uploads.upload(title, fileName, bytes)));
        assertThat(info.status()).isEqualTo(KnowledgeUpload.Status.INDEXED);
        return info;
    }

    /** Accepted by the quick checks, refused by the background extraction: FAILED with the reason, nothing indexed. */
    private void failed(Account who, String fileName, byte[] bytes, String key) {
        UploadInfo info = processed(who, as(who, () -> uploads.upload(null, fileName, bytes)));
        assertThat(info.status()).isEqualTo(KnowledgeUpload.Status.FAILED);
        assertThat(info.failureKey()).isEqualTo(key);
        assertThat(info.passages()).as("nothing half-indexed").isZero();
        assertThat(passageRepository.findByUploadIdOrderByPosition(info.id())).isEmpty();
    }

    private void refused(Account who, String fileName, byte[] bytes, String key) {
        long before = repository.count();
        assertThatThrownBy(() -> as(who, () -> uploads.upload(null, fileName, bytes)))
                .isInstanceOf(BusinessException.class).hasMessage(key);
        assertThat(repository.count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aPdfIsSearchablePageByPageWithItsCitation() {
        UploadInfo info = added(coach, "Appel a projets Occitanie 2026",
                "aap-occitanie.pdf", TestDocuments.pdf("Presentation generale du dispositif regional",
                        "Les dossiers de candidature zorglubiens sont attendus avant le 30 juin"));
        assertThat(info.passages()).isEqualTo(2);
        assertThat(info.addedBy()).isEqualTo("Colette");

        List<KnowledgeHit> hits = uploaded("zorglubiens candidature");
        assertThat(hits).hasSize(1);
        KnowledgeHit hit = hits.getFirst();
        assertThat(hit.source()).isEqualTo(SourceKind.UPLOAD);
        assertThat(hit.uploadId()).isEqualTo(info.id());
        assertThat(hit.url()).isEqualTo("/knowledge/uploads/" + info.id() + "#page-2");
        assertThat(hit.citation()).startsWith("Document déposé « Appel a projets Occitanie 2026 » (aap-occitanie.pdf), page 2");
        assertThat(hit.snippetHtml()).contains("<mark>zorglubiens</mark>");
        assertThat(hit.breadcrumb()).containsExactly("Documents déposés", "Appel a projets Occitanie 2026", "Page 2");
        assertThat(as(holder, () -> search.suggest("occitanie 2026", 6)))
                .anySatisfy(s -> assertThat(s.url()).isEqualTo("/knowledge/uploads/" + info.id()));
        // and among all sources too
        assertThat(as(holder, () -> search.search("zorglubiens", 5))).extracting(KnowledgeHit::uploadId).contains(info.id());
    }

    @Test
    void aDocxIsSplitAtItsHeadings() {
        UploadInfo info = added(coach, null, "guide-ars.docx", TestDocuments.docx(
                "Calendrier", "Le comite regional se reunit chaque trimestre.",
                "Financement", "Les credits quadrifoliés couvrent l'ingenierie du projet."));
        assertThat(info.title()).isEqualTo("guide-ars");
        assertThat(info.passages()).isEqualTo(2);
        KnowledgeHit hit = uploaded("quadrifoliés").getFirst();
        assertThat(hit.title()).isEqualTo("Financement");
        assertThat(hit.citation()).contains("section « Financement »");
    }

    @Test
    void htmlLosesItsScriptsAndMarkdownAndTextAreAccepted() {
        String html = "<html><head><title>t</title><script>var motcachescript = 1;</script><style>.x{color:red}</style></head>"
                + "<body><h1>Appel</h1><p>Le projet <b>hippocampique</b> <img src=x onerror=\"alert(1)\"> est retenu.</p>"
                + "<script>document.write('scriptinjecte')</script><h2>Suite</h2><p>Autre section.</p></body></html>";
        UploadInfo page = added(coach, "Page web", "appel.html", utf8(html));
        assertThat(page.passages()).isEqualTo(2);
        assertThat(uploaded("hippocampique")).singleElement()
                .satisfies(h -> assertThat(h.snippetHtml()).doesNotContain("<img", "<script", "onerror"));
        assertThat(uploaded("motcachescript")).isEmpty();
        assertThat(uploaded("scriptinjecte")).isEmpty();

        added(coach, null, "notes.md", utf8("# Titre\n\nIntro.\n\n## Partie tintinnabulante\n\nTexte <script>x</script> du md."));
        assertThat(uploaded("tintinnabulante")).singleElement().satisfies(h -> assertThat(h.title()).isEqualTo("Partie tintinnabulante"));
        added(coach, null, "memo.txt", utf8("Premier paragraphe.\n\nSecond paragraphe farfelumineux."));
        assertThat(uploaded("farfelumineux")).hasSize(1);
    }

    @Test
    void badFilesAreRefusedWholeWithAClearMessage() throws Exception {
        byte[] good = TestDocuments.pdf("page");
        byte[] truncated = java.util.Arrays.copyOf(good, 40);
        refused(coach, "vide.pdf", new byte[0], "knowledge.upload.error.empty");
        refused(coach, "vide.txt", new byte[0], "knowledge.upload.error.empty");
        refused(coach, "faux.pdf", utf8("ceci n'est pas un PDF"), "knowledge.upload.error.mismatch");
        refused(coach, "faux.docx", utf8("ceci n'est pas un DOCX"), "knowledge.upload.error.mismatch");
        refused(coach, "programme.exe", utf8("MZ"), "knowledge.upload.error.format");
        failed(coach, "casse.pdf", truncated, "knowledge.upload.error.pdf-corrupt");
        failed(coach, "secret.pdf", TestDocuments.encryptedPdf("motdepasse", "confidentiel"), "knowledge.upload.error.pdf-encrypted");
        failed(coach, "bombe.docx", TestDocuments.docxZipBomb(), "knowledge.upload.error.docx-bomb");
        failed(coach, "casse.docx", java.util.Arrays.copyOf(TestDocuments.docx("a", "b"), 100), "knowledge.upload.error.docx-corrupt");
        failed(coach, "scan.pdf", TestDocuments.pdf(" "), "knowledge.upload.error.no-text");
        failed(coach, "binaire.txt", new byte[]{0, 1, 2, 3, 4, 5, 0, 0, 7, 8}, "knowledge.upload.error.not-text");
        byte[] huge = new byte[50 * 1024 * 1024];
        huge[0] = '%';
        refused(coach, "enorme.pdf", huge, "knowledge.upload.error.too-large");

        // the base is unharmed: searches still answer, and a good file still goes in
        assertThat(as(holder, () -> search.search("L162-31-1", 5))).isNotEmpty();
        added(coach, null, "ok.pdf", TestDocuments.pdf("document valide apres les refus"));
        assertThat(uploaded("refus valide")).hasSize(1);
        try (var files = Files.list(uploadsFolder())) {
            assertThat(files.filter(p -> p.toString().endsWith(".part")).toList()).as("no half-written file").isEmpty();
        }
    }

    @Test
    void replaceAndRemoveUpdateTheIndexAndTheFiles() throws Exception {
        UploadInfo info = added(coach, "Guide", "guide.txt", utf8("Ancienne version avec le mot obsolescentissime."));
        assertThat(uploaded("obsolescentissime")).hasSize(1);

        UploadInfo replaced = processed(coach, as(coach, () -> uploads.replace(info.id(), null, "guide-v2.md",
                utf8("# Nouveau\n\nVersion neuve nouvellissime."))));
        assertThat(replaced.status()).isEqualTo(KnowledgeUpload.Status.INDEXED);
        assertThat(replaced.title()).isEqualTo("Guide");
        assertThat(replaced.fileName()).isEqualTo("guide-v2.md");
        assertThat(replaced.revision()).isEqualTo(2);
        assertThat(uploaded("obsolescentissime")).isEmpty();
        assertThat(uploaded("nouvellissime")).hasSize(1);
        assertThat(as(coach, () -> uploads.document(info.id())).file()).exists();

        // a bad replacement leaves the current version in place
        assertThatThrownBy(() -> as(coach, () -> uploads.replace(info.id(), null, "x.pdf", new byte[0])))
                .hasMessage("knowledge.upload.error.empty");
        assertThat(uploaded("nouvellissime")).hasSize(1);
        // ... and so does one the background extraction refuses: FAILED with the reason, previous text kept
        byte[] corrupt = java.util.Arrays.copyOf(TestDocuments.pdf("page"), 40);
        long filesBefore;
        try (var files = Files.list(uploadsFolder())) {
            filesBefore = files.count();
        }
        UploadInfo refusedReplacement = processed(coach, as(coach, () -> uploads.replace(info.id(), null, "v3.pdf", corrupt)));
        assertThat(refusedReplacement.status()).isEqualTo(KnowledgeUpload.Status.FAILED);
        assertThat(refusedReplacement.failureKey()).isEqualTo("knowledge.upload.error.pdf-corrupt");
        assertThat(refusedReplacement.fileName()).isEqualTo("guide-v2.md");
        assertThat(refusedReplacement.pendingFileName()).isNull();
        assertThat(refusedReplacement.passages()).isEqualTo(1);
        assertThat(uploaded("nouvellissime")).hasSize(1);
        try (var files = Files.list(uploadsFolder())) {
            assertThat(files.count()).as("the refused file is dropped").isEqualTo(filesBefore);
        }

        var file = as(coach, () -> uploads.document(info.id())).file();
        as(coach, () -> uploads.remove(info.id()));
        assertThat(uploaded("nouvellissime")).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(repository.findById(info.id())).isEmpty();
    }

    @Test
    void onlyAdminsAndCoachesUploadAndOnlyTheAuthorOrAnAdminChangesADocument() {
        refused(holder, "a.txt", utf8("texte"), "knowledge.upload.error.forbidden");
        assertThatThrownBy(() -> as(holder, () -> uploads.list())).isInstanceOf(ForbiddenException.class);
        UploadInfo mine = added(coach, null, "a.txt", utf8("texte du coach"));
        assertThat(as(otherCoach, () -> uploads.list())).filteredOn(u -> u.id() == mine.id())
                .singleElement().satisfies(u -> assertThat(u.editable()).isFalse());
        assertThatThrownBy(() -> as(otherCoach, () -> uploads.remove(mine.id()))).isInstanceOf(ForbiddenException.class)
                .hasMessage("knowledge.upload.error.not-owner");
        assertThatThrownBy(() -> as(otherCoach, () -> uploads.replace(mine.id(), null, "b.txt", utf8("autre"))))
                .isInstanceOf(ForbiddenException.class);
        as(administrator, () -> uploads.remove(mine.id()));
        // every signed-in user can read a document, nobody anonymous
        assertThatThrownBy(() -> uploads.document(1L)).isInstanceOf(BusinessException.class);
    }

    @Test
    void documentsLeftPendingByAStopAreTakenUpAgainOrMarkedFailed() throws Exception {
        // as if the app stopped after storing the files but before their extraction
        java.nio.file.Path folder = uploadsFolderOrCreate();
        Files.writeString(folder.resolve("repris.txt"), "Texte repris apres redemarrage pantagruelique.");
        long resumed = pendingRow("Repris", "repris.txt", "repris.txt");
        long lost = pendingRow("Perdu", "perdu.txt", "absent-" + System.nanoTime() + ".txt");

        indexer.resumePending();
        UploadInfo ok = processed(coach, as(coach, () -> uploads.find(resumed)).orElseThrow());
        assertThat(ok.status()).isEqualTo(KnowledgeUpload.Status.INDEXED);
        assertThat(uploaded("pantagruelique")).singleElement().satisfies(h -> assertThat(h.uploadId()).isEqualTo(resumed));
        UploadInfo gone = as(coach, () -> uploads.find(lost)).orElseThrow();
        assertThat(gone.status()).isEqualTo(KnowledgeUpload.Status.FAILED);
        assertThat(gone.failureKey()).isEqualTo("knowledge.upload.error.lost");
        assertThat(repository.findByStatus(KnowledgeUpload.Status.PENDING)).isEmpty();
    }

    private long pendingRow(String title, String fileName, String storedName) {
        KnowledgeUpload u = new KnowledgeUpload(title, coach, java.time.Instant.now());
        u.setFile(fileName, UploadFormat.TEXT, 10, "0".repeat(64), storedName, coach, java.time.Instant.now());
        return repository.save(u).getId();
    }

    private java.nio.file.Path uploadsFolderOrCreate() throws Exception {
        UploadInfo any = added(coach, null, "amorce.txt", utf8("amorce"));
        return as(coach, () -> uploads.document(any.id()).file().getParent());
    }

    @Test
    void reindexIsForAdminsOnly() {
        assertThatThrownBy(() -> as(coach, () -> admin.reindex())).isInstanceOf(ForbiddenException.class)
                .hasMessage("knowledge.reindex.forbidden");
        assertThatThrownBy(() -> as(holder, () -> admin.reindex())).isInstanceOf(ForbiddenException.class);
        assertThat(as(coach, () -> admin.canReindex())).isFalse();
        assertThat(as(administrator, () -> admin.canReindex())).isTrue();
    }

    private java.nio.file.Path uploadsFolder() {
        return as(coach, () -> {
            UploadInfo any = uploads.list().getFirst();
            return uploads.document(any.id()).file().getParent();
        });
    }
}
