package fr.atelier51.workspace;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.LiveSection;
import fr.atelier51.workspace.service.SyncRequest;
import fr.atelier51.workspace.service.SyncResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.concurrent.atomic.AtomicInteger;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The letter's JSON API, role by role, and its three-way merge with a live editor. */
@IntegrationTest
@AutoConfigureMockMvc
class LetterApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;
    @Autowired
    LetterService letters;

    Account holderA;
    Account holderB;
    Account coachAssigned;
    Account coachOther;
    Account admin;
    Project project;

    @BeforeEach
    void setUp() {
        Fixtures.Cast cast = fixtures.cast("Lettre API");
        holderA = cast.holderA();
        holderB = cast.holderB();
        coachAssigned = cast.coachAssigned();
        coachOther = cast.coachOther();
        admin = cast.admin();
        project = cast.project();
    }

    private static MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request, Account account) {
        return request.with(httpBasic(account.getEmail(), Fixtures.PASSWORD));
    }

    private String url() {
        return "/api/projects/" + project.getId() + "/letter";
    }

    private MockHttpServletRequestBuilder write(String key, long base, String text) {
        return put(url() + "/sections/" + key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"baseVersion\":" + base + ",\"text\":\"" + text + "\"}");
    }

    @Test
    void membersReadTheFifteenSectionsOthersGet404() throws Exception {
        mvc.perform(basic(get(url()), holderA)).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.length()").value(15))
                .andExpect(jsonPath("$.sections[0].key").value("intitule"))
                .andExpect(jsonPath("$.sections[14].key").value("liens_interets"))
                .andExpect(jsonPath("$.sections[0].version").value(0));
        mvc.perform(basic(get(url()), coachAssigned)).andExpect(status().isOk());
        mvc.perform(basic(get(url()), admin)).andExpect(status().isOk());
        mvc.perform(basic(get(url()), holderB)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("n’existe pas")));
        mvc.perform(basic(get(url()), coachOther)).andExpect(status().isNotFound());
        mvc.perform(get(url())).andExpect(status().isUnauthorized());
    }

    @Test
    void writesMergeThreeWayAndRolesAreEnforced() throws Exception {
        mvc.perform(basic(write("contexte", 0, "Les patients sortent trop tôt."), holderA)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.text").value("Les patients sortent trop tôt."));
        // The coach started from version 1 too, and adds a sentence while the holder already changed a word.
        mvc.perform(basic(write("contexte", 1, "Les patients âgés sortent trop tôt."), holderA)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(basic(write("contexte", 1, "Les patients sortent trop tôt. Ils reviennent aux urgences."), coachAssigned))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.text").value("Les patients âgés sortent trop tôt. Ils reviennent aux urgences."));

        mvc.perform(basic(write("contexte", 3, "Effacé"), admin)).andExpect(status().isForbidden());
        mvc.perform(basic(write("contexte", 3, "Effacé"), holderB)).andExpect(status().isNotFound());
        mvc.perform(basic(write("contexte", 3, "Effacé"), coachOther)).andExpect(status().isNotFound());
        mvc.perform(basic(write("inconnue", 3, "x"), holderA)).andExpect(status().isNotFound());
        mvc.perform(basic(write("contexte", 99, "x"), holderA)).andExpect(status().isBadRequest());
        mvc.perform(basic(get(url()), holderA)).andExpect(jsonPath("$.sections[3].version").value(3));
    }

    @Test
    void liveEditorsHearOfAnApiWriteAndMergeIt() throws Exception {
        AtomicInteger pokes = new AtomicInteger();
        LetterService.EditorSession editor = as(coachAssigned,
                () -> letters.open(project.getId(), SectionKey.OBJECTIFS, pokes::incrementAndGet));
        SyncClient client = new SyncClient(editor.startText());
        client.text = "Réduire les réhospitalisations.";
        SyncRequest first = client.prepare();
        assertThat(client.receive(editor.sync(first))).isTrue();

        mvc.perform(basic(write("objectifs", 1, "Réduire les réhospitalisations de 20 %."), holderA)).andExpect(status().isOk());
        // the editors are told by the fan-out, off the request thread: within moments, once
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (pokes.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100); // a second poke would come now
        assertThat(pokes.get()).isEqualTo(1);
        client.text = "Objectif : réduire les réhospitalisations.";
        SyncResponse answer = editor.sync(client.prepare());
        client.receive(answer);
        assertThat(client.text).isEqualTo("Objectif : réduire les réhospitalisations de 20 %.");
        assertThat(as(holderA, () -> letters.letter(project.getId())).get(SectionKey.OBJECTIFS.ordinal()).text())
                .isEqualTo(client.text);
        editor.close();
    }
}
