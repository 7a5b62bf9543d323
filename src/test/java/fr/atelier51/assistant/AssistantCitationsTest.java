package fr.atelier51.assistant;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.assistant.domain.Citation;
import fr.atelier51.assistant.domain.EligibilityCheck;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.service.InterviewEngine;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Every link the assistant gives opens a passage we hold: articles in the index, notes among our notes, or Légifrance. */
@IntegrationTest
class AssistantCitationsTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    KnowledgeIndex index;
    @Autowired
    KnowledgeSearchService knowledge;

    @Test
    void everyCitedLinkResolves() {
        assertThat(index.awaitReady(5, TimeUnit.MINUTES)).isTrue();
        InterviewEngine engine = new InterviewEngine((q, n) -> List.of());
        Set<String> urls = new TreeSet<>();
        for (Scenarios.Scenario s : Scenarios.ALL) {
            ProjectRecord r = new ProjectRecord();
            for (String m : s.messages()) {
                InterviewEngine.Turn t = engine.reply(r, m);
                t.citations().stream().map(Citation::url).forEach(urls::add);
                r = t.record();
            }
            r.getChecks().stream().map(EligibilityCheck::source).map(Citation::url).forEach(urls::add);
        }
        for (String q : List.of("c'est quoi le FISS ?", "et le FIR ?", "faut-il l'avis de la HAS ?", "à qui envoyer ?", "quelle durée ?",
                "c'est quoi une dérogation ?", "le CTIS ?", "quelle catégorie ?", "la lettre d'intention ?", "comment évaluer ?",
                "et un protocole de coopération ?", "suis-je éligible ?", "et la télésurveillance ?")) {
            engine.reply(new ProjectRecord(), q).citations().stream().map(Citation::url).forEach(urls::add);
        }
        Account reader = fixtures.account(Role.HOLDER, "Lectrice");
        assertThat(urls).isNotEmpty();
        for (String url : urls) {
            if (url.startsWith("/knowledge/articles/")) {
                String ref = url.substring("/knowledge/articles/".length());
                assertThat(as(reader, () -> knowledge.hasArticle(ref))).as(url).isTrue();
            } else if (url.startsWith("/knowledge/notes/")) {
                String id = url.substring("/knowledge/notes/".length());
                assertThat(as(reader, () -> knowledge.note(id))).as(url).isPresent();
            } else {
                assertThat(url).startsWith("https://www.legifrance.gouv.fr/");
            }
        }
        System.out.println("Assistant citations checked: " + urls);
    }
}
