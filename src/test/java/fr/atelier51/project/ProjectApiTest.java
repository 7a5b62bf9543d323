package fr.atelier51.project;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectRepository;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JSON API through the real security chain (HTTP Basic), role by role. */
@IntegrationTest
@AutoConfigureMockMvc
class ProjectApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;
    @Autowired
    ProjectRepository projectRepository;

    Account holderA;
    Account holderB;
    Account coachAssigned;
    Account coachOther;
    Account admin;
    Project projectOfA;

    @BeforeEach
    void setUp() {
        Fixtures.Cast cast = fixtures.cast("Projet API d'Alain");
        holderA = cast.holderA();
        holderB = cast.holderB();
        coachAssigned = cast.coachAssigned();
        coachOther = cast.coachOther();
        admin = cast.admin();
        projectOfA = cast.project();
    }

    private static MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request, Account account) {
        return request.with(httpBasic(account.getEmail(), Fixtures.PASSWORD));
    }

    private String url() {
        return "/api/projects/" + projectOfA.getId();
    }

    @Test
    void anonymousGets401InJsonWithoutASession() throws Exception {
        mvc.perform(get("/api/projects")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value(containsString("Authentification requise")))
                .andExpect(result -> assertThat(result.getRequest().getSession(false)).isNull());
        mvc.perform(get(url())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/projects").with(httpBasic(holderA.getEmail(), "mauvais-mot-de-passe")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void holderCreatesListsAndReadsOwnProject() throws Exception {
        String body = """
                {"title":"Coordination des soins palliatifs","summary":"Équipe mobile","regions":["Bretagne","76"]}""";
        mvc.perform(basic(post("/api/projects"), holderA).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.title").value("Coordination des soins palliatifs"))
                .andExpect(jsonPath("$.status").value("IDEE"))
                .andExpect(jsonPath("$.regions[*].code").value(org.hamcrest.Matchers.containsInAnyOrder("BRETAGNE", "OCCITANIE")));
        mvc.perform(basic(get("/api/projects"), holderA)).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title").value(hasItem("Coordination des soins palliatifs")))
                .andExpect(jsonPath("$[*].id").value(hasItem(projectOfA.getId().intValue())));
        mvc.perform(basic(get(url()), holderA)).andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Projet API d'Alain"));
    }

    @Test
    void otherHolderAndUnassignedCoachGet404EvenByGuessingTheId() throws Exception {
        for (Account outsider : new Account[]{holderB, coachOther}) {
            mvc.perform(basic(get(url()), outsider)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.error").value("Ce projet n’existe pas, ou vous n’y avez pas accès."));
            mvc.perform(basic(get("/api/projects"), outsider)).andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].id").value(not(hasItem(projectOfA.getId().intValue()))));
        }
        mvc.perform(basic(get("/api/projects/999999999"), holderB)).andExpect(status().isNotFound());
        mvc.perform(basic(get("/api/projects/abc"), holderB)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("Requête illisible")));
    }

    @Test
    void assignedCoachAndAdminReadButCannotCreate() throws Exception {
        for (Account reader : new Account[]{coachAssigned, admin}) {
            mvc.perform(basic(get(url()), reader)).andExpect(status().isOk());
            mvc.perform(basic(post("/api/projects"), reader).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value("Seuls les porteurs de projet peuvent créer un projet."));
        }
    }

    @Test
    void badInputGetsAClearFrenchMessageAndNothingIsSaved() throws Exception {
        long before = projectRepository.count();
        mvc.perform(basic(post("/api/projects"), holderA).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"   \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("Donnez un titre au projet."));
        mvc.perform(basic(post("/api/projects"), holderA).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + "t".repeat(10_000) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("ne doit pas dépasser 200 caractères")));
        mvc.perform(basic(post("/api/projects"), holderA).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Projet\",\"regions\":[\"Atlantide\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("Région inconnue : « Atlantide »."));
        mvc.perform(basic(post("/api/projects"), holderA).contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(containsString("Requête illisible")));
        assertThat(projectRepository.count()).isEqualTo(before);
    }

    @Test
    void englishIsAvailableOnRequest() throws Exception {
        mvc.perform(basic(get(url()), holderB).header("Accept-Language", "en-GB,en;q=0.8"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("This project does not exist, or you have no access to it."));
    }

    @Test
    void actuatorProbesAreOpenButNothingElseIs() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }
}
