package fr.atelier51.assistant;

import fr.atelier51.account.domain.Role;
import fr.atelier51.assistant.service.Passage;
import fr.atelier51.assistant.service.PassageRetriever;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The assistant cites the Lucene knowledge base: official articles as well as our notes. */
@IntegrationTest
class KnowledgeBaseRetrieverTest {

    @Autowired
    PassageRetriever retriever;
    @Autowired
    KnowledgeIndex index;
    @Autowired
    Fixtures fixtures;

    @Test
    void freeQuestionsAreAnsweredFromOfficialTextsAndNotes() {
        assertThat(index.awaitReady(5, TimeUnit.MINUTES)).isTrue();
        var holder = fixtures.account(Role.HOLDER, "Quentin");
        List<Passage> article = Fixtures.as(holder, () -> retriever.retrieve("article L.162-31-1 dérogations", 5));
        assertThat(article).extracting(Passage::url).contains("/knowledge/articles/L162-31-1");
        assertThat(article).allSatisfy(p -> assertThat(p.snippet()).doesNotContain("<mark>", "<b>"));
        List<Passage> fiss = Fixtures.as(holder, () -> retriever.retrieve("c'est quoi le FISS ?", 5));
        assertThat(fiss).isNotEmpty().extracting(Passage::label).anyMatch(l -> l.contains("FISS") || l.contains("financement"));
    }
}
