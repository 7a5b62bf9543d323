package fr.atelier51.knowledge;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.knowledge.domain.LegalArticle;
import fr.atelier51.knowledge.domain.SourceKind;
import fr.atelier51.knowledge.service.ArticlePage;
import fr.atelier51.knowledge.service.KnowledgeHit;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.knowledge.service.KnowledgeQuery;
import fr.atelier51.knowledge.service.KnowledgeResults;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search service on the real index: citations, filters, article pages, hostile queries, access. */
@IntegrationTest
class KnowledgeSearchServiceTest {

    @Autowired
    KnowledgeSearchService search;
    @Autowired
    KnowledgeIndex index;
    @Autowired
    Fixtures fixtures;
    Account holder;

    @BeforeEach
    void setUp() {
        assertThat(index.awaitReady(5, TimeUnit.MINUTES)).isTrue();
        holder = fixtures.account(Role.HOLDER, "Inès");
    }

    @Test
    void anonymousCannotSearchByDefault() {
        assertThatThrownBy(() -> search.search("FISS", 5)).isInstanceOf(BusinessException.class)
                .hasMessage("account.error.not-signed-in");
    }

    @Test
    void theArticle51CoreComesFirstWithItsCitation() {
        List<KnowledgeHit> hits = as(holder, () -> search.search("expérimentations article 51", 5));
        KnowledgeHit first = hits.stream().filter(h -> "L162-31-1".equals(h.ref())).findFirst().orElseThrow();
        assertThat(first.citation()).isEqualTo("CSS, art. L.162-31-1, version en vigueur depuis le 01/01/2025");
        assertThat(first.url()).isEqualTo("/knowledge/articles/L162-31-1");
        assertThat(first.externalUrl()).isEqualTo("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000048725803");
        assertThat(first.core()).isTrue();
        assertThat(first.inForce()).isTrue();
        assertThat(first.breadcrumb()).first().isEqualTo("Code de la sécurité sociale");
        assertThat(first.breadcrumb()).last().isEqualTo("Article L.162-31-1");
    }

    @Test
    void snippetsMarkTheQueryTermsAndEscapeTheText() {
        KnowledgeHit hit = as(holder, () -> search.search("fonds pour l'innovation du système de santé", 5)).getFirst();
        assertThat(hit.snippetHtml()).contains("<mark>").doesNotContain("<script");
    }

    @Test
    void aMisspelledWordFindsAndMarksTheWordMeant() {
        List<KnowledgeHit> hits = as(holder, () -> search.search("rapporteur génral", 5));
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().snippetHtml()).containsIgnoringCase("<mark>général</mark>");
    }

    @Test
    void aReferenceInAnySpellingJumpsToTheArticle() {
        for (String typed : List.of("l. 162-31-1", "art. R.162-50-6", "article L 160-13 du CSS", "L.162.31.1")) {
            KnowledgeResults r = as(holder, () -> search.search(KnowledgeQuery.of(typed, 5)));
            assertThat(r.jumpTo()).as(typed).startsWith("knowledge/articles/");
        }
        assertThat(as(holder, () -> search.search(KnowledgeQuery.of("art. R.162-50-6", 5))).jumpTo())
                .isEqualTo("knowledge/articles/R162-50-6");
        assertThat(as(holder, () -> search.search(KnowledgeQuery.of("L999-99-9", 5))).jumpTo()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"lettre d'intention", "(FISS AND", "title:foo^3 ~2 *", "L162-31-1 OR ) ]", "\\", "???",
            "&& || ! { } [ ] ^ \" ~ * ? : \\ /", "le la les de"})
    void hostileQueriesNeverBreak(String query) {
        KnowledgeResults r = as(holder, () -> search.search(KnowledgeQuery.of(query, 10)));
        assertThat(r.hits().isEmpty() ? r.messageKey() : "ok").isNotNull();
    }

    @Test
    void emptyAndHugeQueriesAnswerClearly() {
        assertThat(as(holder, () -> search.search(KnowledgeQuery.of("   ", 10))).messageKey()).isEqualTo("knowledge.search.empty");
        assertThat(as(holder, () -> search.search(KnowledgeQuery.of(null, 10))).messageKey()).isEqualTo("knowledge.search.empty");
        String paste = "évaluation des expérimentations et financement par le FISS ".repeat(90);
        assertThat(paste.length()).isGreaterThan(5000);
        KnowledgeResults r = as(holder, () -> search.search(KnowledgeQuery.of(paste, 10)));
        assertThat(r.hits()).isNotEmpty();
    }

    @Test
    void filtersBySourceAndInForce() {
        KnowledgeResults notes = as(holder, () -> search.search(
                new KnowledgeQuery("FISS", 10, EnumSet.of(SourceKind.NOTE), null, true)));
        assertThat(notes.hits()).isNotEmpty().allMatch(h -> h.source() == SourceKind.NOTE && h.noteId() != null);
        KnowledgeResults official = as(holder, () -> search.search(
                new KnowledgeQuery("FISS", 10, EnumSet.of(SourceKind.OFFICIAL), null, true)));
        assertThat(official.hits()).isNotEmpty().allMatch(h -> h.source() == SourceKind.OFFICIAL && h.inForce());
    }

    @Test
    void articlePageLinksReferencesMarksTheQueryAndListsVersions() {
        ArticlePage page = as(holder, () -> search.article("r.162-50-6", null, "cahier des charges")).orElseThrow();
        LegalArticle a = page.article();
        assertThat(a.ref()).isEqualTo("R162-50-6");
        assertThat(a.emphasis()).isEqualTo(LegalArticle.Emphasis.CORE);
        assertThat(page.safeHtml()).contains("href=\"knowledge/articles/L162-31-1\"").contains("<mark>");
        assertThat(a.versions()).isNotEmpty();
        ArticlePage core = as(holder, () -> search.article("L162-31-1", null, null)).orElseThrow();
        assertThat(core.article().versions()).extracting(v -> v.legiId()).contains("LEGIARTI000036393391", "LEGIARTI000048725803");
        assertThat(core.safeHtml()).contains("legifrance.gouv.fr/codes/article_lc/"); // CSP articles are not ours
        assertThat(as(holder, () -> search.article("L999-1", null, null))).isEmpty();
    }

    @Test
    void namedArticlesAreFlagged() {
        ArticlePage page = as(holder, () -> search.article("L160-13", null, null)).orElseThrow();
        assertThat(page.article().emphasis()).isEqualTo(LegalArticle.Emphasis.NAMED_BY_CORE);
    }

    @Test
    void notesAreServedById() {
        assertThat(as(holder, () -> search.note("06-financement-fiss-fir"))).get()
                .satisfies(n -> assertThat(n.title()).isNotBlank());
        assertThat(as(holder, () -> search.note("../etc/passwd"))).isEmpty();
    }

    @Test
    void suggestionsWhileTypingOfferArticleNumbersAndNotes() {
        assertThat(as(holder, () -> search.suggest("L162-31", 6)))
                .extracting(KnowledgeSearchService.Suggestion::label).contains("Article L.162-31-1");
        assertThat(as(holder, () -> search.suggest("art. r 162-50-1", 6))).first()
                .satisfies(s -> assertThat(s.url()).isEqualTo("/knowledge/articles/R162-50-1"));
        assertThat(as(holder, () -> search.suggest("lettre d'intention", 6)))
                .anySatisfy(s -> assertThat(s.url()).startsWith("/knowledge/notes/08"));
        assertThat(as(holder, () -> search.suggest("x", 6))).isEmpty();
        assertThat(as(holder, () -> search.suggest("((( \"", 6))).isEmpty();
    }

    @Test
    void scoredFieldsAreDenseSoScoringReadsThemByDocumentNumber() throws Exception {
        var reader = fr.atelier51.knowledge.service.BenchReaders.current(index);
        for (var leaf : reader.leaves()) {
            int maxDoc = leaf.reader().maxDoc();
            for (String field : List.of("text", "title", "crumbs", "exact")) {
                var norms = leaf.reader().getNormValues(field);
                assertThat(norms).as(field).isNotNull();
                assertThat(norms.cost()).as("norms of " + field + " on every document").isEqualTo(maxDoc);
            }
            assertThat(leaf.reader().getNumericDocValues("weight").cost()).isEqualTo(maxDoc);
        }
    }

    @Test
    void theIndexIsWrittenWithOurCodecAndReopensThroughItsServiceEntry() throws Exception {
        var reader = fr.atelier51.knowledge.service.BenchReaders.current(index);
        for (var leaf : reader.leaves()) {
            var segment = ((org.apache.lucene.index.SegmentReader) org.apache.lucene.index.FilterLeafReader.unwrap(leaf.reader()))
                    .getSegmentInfo().info;
            assertThat(segment.getCodec().getName()).isEqualTo(fr.atelier51.knowledge.service.KnowledgeCodec.NAME);
        }
        // opening by name is what a restart does: the codec must be found through META-INF/services
        assertThat(org.apache.lucene.codecs.Codec.forName(fr.atelier51.knowledge.service.KnowledgeCodec.NAME))
                .isInstanceOf(fr.atelier51.knowledge.service.KnowledgeCodec.class);
    }

    @Test
    void aCommonWordSaysItsCountIsALowerBound() {
        KnowledgeResults common = as(holder, () -> search.search(KnowledgeQuery.of("sécurité sociale", 10)));
        assertThat(common.totalExact()).isFalse();
        assertThat(common.total()).isGreaterThan(1000);
        KnowledgeResults rare = as(holder, () -> search.search(KnowledgeQuery.of("rapporteur", 10)));
        assertThat(rare.totalExact()).isTrue();
        assertThat(rare.total()).isBetween(1L, 1000L);
    }
}
