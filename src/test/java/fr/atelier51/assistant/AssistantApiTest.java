package fr.atelier51.assistant;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The assistant's JSON API through the real security chain (HTTP Basic). */
@IntegrationTest
@AutoConfigureMockMvc
class AssistantApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;

    Account holderA;
    Account holderB;
    Account coachOther;
    Account admin;
    Project project;

    @BeforeEach
    void setUp() {
        holderA = fixtures.account(Role.HOLDER, "Armelle");
        holderB = fixtures.account(Role.HOLDER, "Bertrand");
        coachOther = fixtures.account(Role.COACH, "Coline");
        admin = fixtures.account(Role.ADMIN, "Aurèle");
        project = fixtures.projectOf(holderA, "Parcours BPCO");
    }

    private static MockHttpServletRequestBuilder as(Account account, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(account.getEmail(), Fixtures.PASSWORD));
    }

    private static MockHttpServletRequestBuilder message(long id, String json) {
        return post("/api/projects/" + id + "/assistant/messages").contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void holderPostsAnIdeaAndGetsACitedReplyThenTheState() throws Exception {
        long id = project.getId();
        mvc.perform(as(holderA, message(id, "{\"text\":\"Un suivi infirmier à domicile au forfait, dans toute la Bretagne, pendant 2 ans. C'est quoi le FISS ?\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reply", containsString("L.162-31-1 II 1° a)")))
                .andExpect(jsonPath("$.reply", containsString("fonds pour l’innovation")))
                .andExpect(jsonPath("$.citations[*].url", hasItem("/knowledge/articles/L162-31-1")))
                .andExpect(jsonPath("$.state.scope").value("REGIONAL"));
        mvc.perform(as(holderA, get("/api/projects/" + id + "/assistant/state")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("REGIONAL"))
                .andExpect(jsonPath("$.regions[0]").value("BRETAGNE"))
                .andExpect(jsonPath("$.destination.name", containsString("ARS Bretagne")))
                .andExpect(jsonPath("$.funds[*].fund", hasItem("FIR")))
                .andExpect(jsonPath("$.derogations[0].reference").value("L.162-31-1 II 1° a)"))
                .andExpect(jsonPath("$.derogations[0].hasOpinion").value(false))
                .andExpect(jsonPath("$.durationMonths").value(24))
                .andExpect(jsonPath("$.hasOpinionRequired").value(false))
                .andExpect(jsonPath("$.checks[0].id").value("E1"))
                .andExpect(jsonPath("$.verdict").exists());
        mvc.perform(as(holderA, post("/api/projects/" + id + "/assistant/derogations/II-2-j/confirm")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"justification\":\"adaptation des doses par les IDE\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.derogations[1].hasOpinion").value(true));
        mvc.perform(as(holderA, post("/api/projects/" + id + "/assistant/derogations/II-99/confirm")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("Dérogation inconnue")));
        mvc.perform(as(holderA, patch("/api/projects/" + id + "/assistant/state").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"territories\":[\"national\"],\"durationMonths\":36}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("NATIONAL"))
                .andExpect(jsonPath("$.destination.name", containsString("Rapporteur général")))
                .andExpect(jsonPath("$.durationMonths").value(36));
        mvc.perform(as(holderA, patch("/api/projects/" + id + "/assistant/state").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"durationMonths\":72}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("cinq ans")));
        mvc.perform(as(holderA, get("/api/projects/" + id + "/assistant/messages")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].author").value("ASSISTANT"))
                .andExpect(jsonPath("$[1].author").value("HOLDER"));
    }

    @Test
    void badBodiesGetClearAnswers() throws Exception {
        long id = project.getId();
        mvc.perform(as(holderA, message(id, "{\"text\":\"\"}"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.reply", containsString("vide")));
        mvc.perform(as(holderA, message(id, "pas du json"))).andExpect(status().isBadRequest());
    }

    @Test
    void outsidersGet404AndAdminReadsButCannotPost() throws Exception {
        long id = project.getId();
        for (Account outsider : new Account[] {holderB, coachOther}) {
            mvc.perform(as(outsider, message(id, "{\"text\":\"Bonjour\"}"))).andExpect(status().isNotFound());
            mvc.perform(as(outsider, get("/api/projects/" + id + "/assistant/state"))).andExpect(status().isNotFound());
        }
        mvc.perform(as(admin, get("/api/projects/" + id + "/assistant/state"))).andExpect(status().isOk());
        mvc.perform(as(admin, message(id, "{\"text\":\"Bonjour\"}"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error", containsString("seuls les porteurs")));
        mvc.perform(get("/api/projects/" + id + "/assistant/state")).andExpect(status().isUnauthorized());
    }
}
