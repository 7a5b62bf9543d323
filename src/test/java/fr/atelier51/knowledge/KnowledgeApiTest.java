package fr.atelier51.knowledge;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class KnowledgeApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    KnowledgeIndex index;
    Account coach;

    @BeforeEach
    void setUp() {
        assertThat(index.awaitReady(5, TimeUnit.MINUTES)).isTrue();
        coach = fixtures.account(Role.COACH, "Gaëlle");
    }

    @Test
    void anonymousGets401Json() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "FISS"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error").exists());
        mvc.perform(get("/api/knowledge/articles/L162-31-1")).andExpect(status().isUnauthorized());
    }

    @Test
    void searchReturnsHitsWithCitationAndUrl() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "comité technique de l'innovation en santé").param("limit", "5")
                        .with(httpBasic(coach.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(greaterThan(0)))
                .andExpect(jsonPath("$.tookMs").exists())
                .andExpect(jsonPath("$.hits.length()").value(5))
                .andExpect(jsonPath("$.hits[*].ref").value(hasItem("R162-50-2")))
                .andExpect(jsonPath("$.hits[0].url").value(containsString("/knowledge/")))
                .andExpect(jsonPath("$.hits[0].snippet").exists());
    }

    @Test
    void sourceFilterAndErrors() throws Exception {
        mvc.perform(get("/api/knowledge/search").param("q", "FIR").param("source", "note")
                        .with(httpBasic(coach.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].source").value("NOTE"))
                .andExpect(jsonPath("$.hits[0].noteId").value(containsString("financement")));
        mvc.perform(get("/api/knowledge/search").param("q", "FIR").param("source", "blog")
                        .with(httpBasic(coach.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Source inconnue")));
        mvc.perform(get("/api/knowledge/search").param("q", "")
                        .with(httpBasic(coach.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value(containsString("Tapez au moins")));
    }

    @Test
    void articleWithTextStateAndVersions() throws Exception {
        mvc.perform(get("/api/knowledge/articles/l.162-31-1").with(httpBasic(coach.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ref").value("L162-31-1"))
                .andExpect(jsonPath("$.etat").value("VIGUEUR"))
                .andExpect(jsonPath("$.inForce").value(true))
                .andExpect(jsonPath("$.article51Core").value(true))
                .andExpect(jsonPath("$.text").value(containsString("cinq ans")))
                .andExpect(jsonPath("$.versions.length()").value(greaterThan(10)))
                .andExpect(jsonPath("$.citation").value("CSS, art. L.162-31-1, version en vigueur depuis le 01/01/2025"));
        mvc.perform(get("/api/knowledge/articles/L999-9").with(httpBasic(coach.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("Article introuvable")));
    }
}
