package fr.atelier51.workspace;

import fr.atelier51.account.domain.Account;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.NamedVersionService;
import fr.atelier51.workspace.service.SectionHistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import java.util.ArrayList;
import java.util.List;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The history API (sessions, versions, diff, named versions), role by role, and its French errors. */
@IntegrationTest
@AutoConfigureMockMvc
class HistoryApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LetterService letters;
    @Autowired
    NamedVersionService named;
    @Autowired
    ProjectWorkflow workflow;
    @Autowired
    SectionHistoryService history;

    Fixtures.Cast cast;
    long id;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Historique par API");
        id = cast.project().getId();
    }

    private void write(Account who, String text) {
        as(who, () -> {
            long base = letters.letter(id).get(SectionKey.CONTEXTE.ordinal()).version();
            letters.write(id, SectionKey.CONTEXTE, base, text, ChangeKind.API);
        });
    }

    private static MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request, Account account) {
        return request.with(httpBasic(account.getEmail(), Fixtures.PASSWORD));
    }

    private String url(String rest) {
        return "/api/projects/" + id + "/letter" + rest;
    }

    /** Every reading endpoint, for the access checks. */
    private List<String> all(long namedId) {
        return List.of(url("/sections/contexte/history"), url("/sections/contexte/history?before=2&size=1"),
                url("/sections/contexte/versions/1"),
                url("/sections/contexte/diff?from=0&to=2"), url("/named-versions"), url("/named-versions/" + namedId));
    }

    @Test
    void membersCoachesAndAdminsReadOthersGet404AndAnonymous401() throws Exception {
        write(cast.holderA(), "Les patients sortent trop tôt.");
        write(cast.holderA(), "Les patients âgés sortent trop tôt.");
        long namedId = as(cast.holderA(), () -> named.name(id, "Avant relecture")).getId();
        for (String u : all(namedId)) {
            for (Account reader : List.of(cast.holderA(), cast.coachAssigned(), cast.admin())) {
                mvc.perform(basic(get(u), reader)).andExpect(status().isOk());
            }
            for (Account stranger : List.of(cast.holderB(), cast.coachOther())) {
                mvc.perform(basic(get(u), stranger)).andExpect(status().isNotFound())
                        .andExpect(jsonPath("$.message").value(containsString("n’existe pas")));
            }
            mvc.perform(get(u)).andExpect(status().isUnauthorized());
        }
        // A stranger learns nothing from bad parameters either.
        mvc.perform(basic(get(url("/sections/contexte/history?page=-1")), cast.coachOther())).andExpect(status().isNotFound());
        mvc.perform(basic(get(url("/sections/contexte/diff")), cast.holderB())).andExpect(status().isNotFound());
        mvc.perform(basic(get(url("/sections/contexte/history?before=abc")), cast.holderB())).andExpect(status().isNotFound());
        mvc.perform(basic(get(url("/sections/contexte/history?before=2&page=3")), cast.coachOther()))
                .andExpect(status().isNotFound());
    }

    /** Sessions by turns of the holder and the coach: each write is a session of its own. */
    private void sessions(int count) {
        for (int i = 1; i <= count; i++) {
            write(i % 2 == 0 ? cast.coachAssigned() : cast.holderA(), "Les patients sortent trop tôt, version " + i + ".");
        }
    }

    private DocumentContext read(String rest) throws Exception {
        String body = mvc.perform(basic(get(url(rest)), cast.coachAssigned())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.parse(body);
    }

    @Test
    void walkingWithTheCursorYieldsTheSameSessionsAsWalkingPages() throws Exception {
        sessions(7);
        List<Object> byPage = new ArrayList<>();
        List<Object> byCursor = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            DocumentContext p = read("/sections/contexte/history?size=2&page=" + page);
            List<Object> got = p.read("$.sessions");
            if (got.isEmpty()) {
                break;
            }
            byPage.addAll(got);
        }
        String query = "size=2";
        List<Object> cursors = new ArrayList<>();
        while (true) {
            DocumentContext p = read("/sections/contexte/history?" + query);
            byCursor.addAll(p.read("$.sessions"));
            Object next = p.read("$.nextBefore");
            assertThat((Boolean) p.read("$.hasMore")).isEqualTo(next != null);
            if (next == null) {
                assertThat(p.read("$.sessions.length()", Integer.class)).isBetween(1, 2);
                break;
            }
            cursors.add(next);
            assertThat(cursors).as("the cursor must move on").doesNotHaveDuplicates().hasSizeLessThan(10);
            query = "size=2&before=" + next;
        }
        assertThat(byPage).hasSize(7);
        assertThat(byCursor).isEqualTo(byPage);
        assertThat(byCursor.stream().map(s -> (Object) ((java.util.Map<?, ?>) s).get("toVersion")).toList())
                .containsExactly(7, 6, 5, 4, 3, 2, 1);
        // A cursor is a version: the page holds the sessions below it, and says which cursor it answered.
        assertThat(cursors).containsExactly(6, 4, 2); // versions 7-6 | 5-4 | 3-2 | 1
        mvc.perform(basic(get(url("/sections/contexte/history?size=2&before=4")), cast.holderA()))
                .andExpect(jsonPath("$.before").value(4))
                .andExpect(jsonPath("$.page").value(nullValue()))
                .andExpect(jsonPath("$.sessions[0].toVersion").value(3))
                .andExpect(jsonPath("$.nextBefore").value(2));
        // Page numbers keep working and now give their cursor too, so a script may switch to it.
        mvc.perform(basic(get(url("/sections/contexte/history?size=2&page=1")), cast.holderA()))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.before").value(nullValue()))
                .andExpect(jsonPath("$.nextBefore").value(4));
        // New changes meanwhile do not shift a cursor's page (they shift numbered pages).
        sessions(1);
        mvc.perform(basic(get(url("/sections/contexte/history?size=2&before=4")), cast.holderA()))
                .andExpect(jsonPath("$.currentVersion").value(8))
                .andExpect(jsonPath("$.sessions[0].toVersion").value(3));
    }

    @Test
    void theEndOfHistoryHasNoCursorAndBadCursorsAreRefusedInFrench() throws Exception {
        sessions(3);
        mvc.perform(basic(get(url("/sections/contexte/history")), cast.holderA()))
                .andExpect(jsonPath("$.sessions.length()").value(3))
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.nextBefore").value(nullValue()));
        mvc.perform(basic(get(url("/sections/contexte/history?before=2&size=5")), cast.holderA()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions.length()").value(1))
                .andExpect(jsonPath("$.nextBefore").value(nullValue()));
        mvc.perform(basic(get(url("/sections/contexte/history?before=1")), cast.holderA()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions.length()").value(0))
                .andExpect(jsonPath("$.nextBefore").value(nullValue()));
        mvc.perform(basic(get(url("/sections/duree/history?page=3")), cast.holderA()))
                .andExpect(jsonPath("$.nextBefore").value(nullValue()));

        for (String bad : List.of("abc", "0", "-3", "5", "2.5", "")) {
            mvc.perform(basic(get(url("/sections/contexte/history?before=" + bad)), cast.holderA()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value("Le curseur before « " + bad
                            + " » n’est pas valable : reprenez la valeur nextBefore de la réponse précédente "
                            + "(un nombre entier de 1 à 4)."));
        }
        mvc.perform(basic(get(url("/sections/contexte/history?before=3&page=1")), cast.holderA()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(
                        "Indiquez soit page, soit before, pas les deux : pour la page suivante, passez seulement before=nextBefore."));
        mvc.perform(basic(get(url("/sections/contexte/history?before=3&size=0")), cast.holderA()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("La taille de page doit être comprise entre 1 et 100."));
        mvc.perform(basic(get(url("/sections/contexte/history?before=abc")), cast.holderA()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("The cursor before “abc” is not valid")));
    }

    @Test
    void sessionsArePagedNewestFirstWithWhoWhenKindAndSize() throws Exception {
        write(cast.holderA(), "Les patients sortent trop tôt.");
        write(cast.holderA(), "Les patients âgés sortent trop tôt.");
        write(cast.coachAssigned(), "Les patients âgés sortent trop tôt de l’hôpital.");
        mvc.perform(basic(get(url("/sections/contexte/history")), cast.holderA())).andExpect(status().isOk())
                .andExpect(jsonPath("$.key").value("contexte"))
                .andExpect(jsonPath("$.currentVersion").value(3))
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.sessions.length()").value(2))
                .andExpect(jsonPath("$.sessions[0].author.name").value(cast.coachAssigned().getDisplayName()))
                .andExpect(jsonPath("$.sessions[0].kind").value("api"))
                .andExpect(jsonPath("$.sessions[0].fromVersion").value(3))
                .andExpect(jsonPath("$.sessions[0].toVersion").value(3))
                .andExpect(jsonPath("$.sessions[0].added").value(" de l’hôpital".length()))
                .andExpect(jsonPath("$.sessions[0].removed").value(0))
                .andExpect(jsonPath("$.sessions[0].from").exists())
                .andExpect(jsonPath("$.sessions[0].to").exists())
                .andExpect(jsonPath("$.sessions[1].author.id").value(cast.holderA().getId()))
                .andExpect(jsonPath("$.sessions[1].fromVersion").value(1))
                .andExpect(jsonPath("$.sessions[1].toVersion").value(2))
                .andExpect(jsonPath("$.sessions[1].changes").value(2));
        mvc.perform(basic(get(url("/sections/contexte/history?page=0&size=1")), cast.holderA()))
                .andExpect(jsonPath("$.sessions.length()").value(1))
                .andExpect(jsonPath("$.sessions[0].toVersion").value(3))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(basic(get(url("/sections/contexte/history?page=1&size=1")), cast.holderA()))
                .andExpect(jsonPath("$.sessions.length()").value(1))
                .andExpect(jsonPath("$.sessions[0].toVersion").value(2))
                .andExpect(jsonPath("$.hasMore").value(false));
        mvc.perform(basic(get(url("/sections/contexte/history?page=5&size=1")), cast.holderA()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sessions.length()").value(0));
        // An untouched section has no session.
        mvc.perform(basic(get(url("/sections/duree/history")), cast.holderA()))
                .andExpect(jsonPath("$.currentVersion").value(0)).andExpect(jsonPath("$.sessions.length()").value(0));
    }

    @Test
    void versionsAndDiffs() throws Exception {
        write(cast.holderA(), "Les patients sortent trop tôt.");
        write(cast.coachAssigned(), "Les patients âgés sortent tôt.");
        mvc.perform(basic(get(url("/sections/contexte/versions/1")), cast.coachAssigned())).andExpect(status().isOk())
                .andExpect(jsonPath("$.key").value("contexte"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.text").value("Les patients sortent trop tôt."));
        mvc.perform(basic(get(url("/sections/contexte/versions/0")), cast.holderA()))
                .andExpect(jsonPath("$.text").value(""));
        mvc.perform(basic(get(url("/sections/contexte/versions/3")), cast.holderA())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("La version 3 n’existe pas pour cette section (versions 0 à 2)."));
        mvc.perform(basic(get(url("/sections/contexte/versions/-1")), cast.holderA())).andExpect(status().isNotFound());

        mvc.perform(basic(get(url("/sections/contexte/diff?from=1&to=2")), cast.holderA())).andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(1))
                .andExpect(jsonPath("$.to").value(2))
                .andExpect(jsonPath("$.diff[0].op").value("equal"))
                .andExpect(jsonPath("$.diff[0].text").value("Les patients "))
                .andExpect(jsonPath("$.diff[1].op").value("insert"))
                .andExpect(jsonPath("$.diff[1].text").value("âgés "))
                .andExpect(jsonPath("$.diff[?(@.op == 'delete')].text").value(org.hamcrest.Matchers.hasItem("trop ")))
                .andExpect(jsonPath("$.added").value(5))
                .andExpect(jsonPath("$.removed").value(5));

        mvc.perform(basic(get(url("/sections/contexte/diff?from=0")), cast.holderA())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Indiquez les deux versions à comparer : from et to."));
        mvc.perform(basic(get(url("/sections/contexte/diff?from=0&to=9")), cast.holderA())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("La version 9 n’existe pas pour cette section."));
        mvc.perform(basic(get(url("/sections/contexte/diff?from=a&to=1")), cast.holderA())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").exists());
        mvc.perform(basic(get(url("/sections/contexte/history?size=0")), cast.holderA())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("La taille de page doit être comprise entre 1 et 100."));
        mvc.perform(basic(get(url("/sections/contexte/history?page=-1")), cast.holderA())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("Le numéro de page doit être positif ou nul."));
        mvc.perform(basic(get(url("/sections/inconnue/history")), cast.holderA())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("Cette section n’existe pas."));
    }

    @Test
    void namedVersionsListTheirKindAuthorAndTexts() throws Exception {
        write(cast.holderA(), "Les patients sortent trop tôt.");
        long manual = as(cast.holderA(), () -> named.name(id, "Avant relecture")).getId();
        write(cast.holderA(), "Les patients âgés sortent trop tôt.");
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));

        mvc.perform(basic(get(url("/named-versions")), cast.coachAssigned())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].kind").value("auto"))
                .andExpect(jsonPath("$[0].event").value("review_requested"))
                .andExpect(jsonPath("$[0].name").value(nullValue()))
                .andExpect(jsonPath("$[0].label").value(containsString("Envoyée au coach le ")))
                .andExpect(jsonPath("$[0].versions.contexte").value(2))
                .andExpect(jsonPath("$[1].id").value(manual))
                .andExpect(jsonPath("$[1].kind").value("manual"))
                .andExpect(jsonPath("$[1].name").value("Avant relecture"))
                .andExpect(jsonPath("$[1].label").value("Avant relecture"))
                .andExpect(jsonPath("$[1].author.name").value(cast.holderA().getDisplayName()))
                .andExpect(jsonPath("$[1].createdAt").exists())
                .andExpect(jsonPath("$[1].versions.contexte").value(1));
        mvc.perform(basic(get(url("/named-versions")), cast.coachAssigned()).header("Accept-Language", "en"))
                .andExpect(jsonPath("$[0].label").value(containsString("Sent to the coach on ")));

        mvc.perform(basic(get(url("/named-versions/" + manual)), cast.admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.version.name").value("Avant relecture"))
                .andExpect(jsonPath("$.sections.length()").value(15))
                .andExpect(jsonPath("$.sections[3].key").value("contexte"))
                .andExpect(jsonPath("$.sections[3].version").value(1))
                .andExpect(jsonPath("$.sections[3].text").value("Les patients sortent trop tôt."));
        // Another project's named version is not found through this one.
        Fixtures.Cast elsewhere = fixtures.cast("Autre projet");
        long foreign = as(elsewhere.holderA(), () -> named.name(elsewhere.project().getId(), "Ailleurs")).getId();
        mvc.perform(basic(get(url("/named-versions/" + foreign)), cast.holderA())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("Cette version nommée n’existe pas."));
    }

    @Test
    void theServicesCheckAccessThemselves() {
        write(cast.holderA(), "Les patients sortent trop tôt.");
        long namedId = as(cast.holderA(), () -> named.name(id, "Première")).getId();
        for (Account reader : List.of(cast.holderA(), cast.coachAssigned(), cast.admin())) {
            assertThat(as(reader, () -> history.page(id, SectionKey.CONTEXTE, 0, 10)).sessions()).hasSize(1);
            assertThat(as(reader, () -> history.page(id, SectionKey.CONTEXTE, 0, "2", 10)).sessions()).hasSize(1);
            assertThat(as(reader, () -> history.version(id, SectionKey.CONTEXTE, 1)).text())
                    .isEqualTo("Les patients sortent trop tôt.");
            assertThat(as(reader, () -> named.entry(id, namedId)).authorName()).isEqualTo(cast.holderA().getDisplayName());
        }
        for (Account stranger : List.of(cast.holderB(), cast.coachOther())) {
            assertThatThrownBy(() -> as(stranger, () -> history.page(id, SectionKey.CONTEXTE, -1, 10)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(stranger, () -> history.page(id, SectionKey.CONTEXTE, 0, "x", 10)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(stranger, () -> history.version(id, SectionKey.CONTEXTE, 1)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(stranger, () -> history.diffOf(id, SectionKey.CONTEXTE, null, 1L)))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(stranger, () -> named.entry(id, namedId))).isInstanceOf(NotFoundException.class);
        }
    }
}
