package fr.atelier51.project;

import fr.atelier51.account.domain.Account;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.service.CoachNoteService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Coaches' private notes: who reads them (assigned coaches, admins), who changes them (their author), and never holders. */
@IntegrationTest
@AutoConfigureMockMvc
class CoachNotesTest {

    private static final String SECRET = "Porteur fragile, budget sous-estimé";

    @Autowired
    Fixtures fixtures;
    @Autowired
    CoachNoteService notes;
    @Autowired
    MockMvc mvc;
    @Autowired
    fr.atelier51.project.service.ProjectService projectService;

    Fixtures.Cast cast;
    long projectId;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Projet noté");
        projectId = cast.project().getId();
    }

    @Test
    void assignedCoachesAndAdminsReadAndWriteNotesEachChangingOnlyTheirOwn() {
        CoachNoteService.NoteView mine = as(cast.coachAssigned(), () -> notes.add(projectId, "**" + SECRET + "**"));
        CoachNoteService.NoteView admins = as(cast.admin(), () -> notes.add(projectId, "Relancer l’ARS"));
        List<CoachNoteService.NoteView> read = as(cast.admin(), () -> notes.list(projectId));
        assertThat(read).extracting(CoachNoteService.NoteView::body).containsExactly("Relancer l’ARS", "**" + SECRET + "**");
        assertThat(read).extracting(CoachNoteService.NoteView::mine).containsExactly(true, false);
        assertThat(as(cast.coachAssigned(), () -> notes.canSee(projectId))).isTrue();

        as(cast.coachAssigned(), () -> notes.edit(mine.id(), "Budget revu"));
        assertThat(as(cast.admin(), () -> notes.list(projectId))).extracting(CoachNoteService.NoteView::body).contains("Budget revu");
        assertThatThrownBy(() -> as(cast.admin(), () -> notes.edit(mine.id(), "Réécrit"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(cast.coachAssigned(), () -> notes.delete(admins.id()))).isInstanceOf(ForbiddenException.class);
        as(cast.admin(), () -> notes.delete(admins.id()));
        assertThat(as(cast.coachAssigned(), () -> notes.list(projectId))).extracting(CoachNoteService.NoteView::body).containsExactly("Budget revu");
    }

    @Test
    void holdersAndOtherCoachesNeverReachTheNotes() {
        CoachNoteService.NoteView note = as(cast.coachAssigned(), () -> notes.add(projectId, SECRET));
        for (Account refused : List.of(cast.holderA(), cast.holderB(), cast.coachOther())) {
            assertThat(as(refused, () -> notes.canSee(projectId))).isFalse();
            assertThatThrownBy(() -> as(refused, () -> notes.list(projectId))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(refused, () -> notes.add(projectId, "x"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(refused, () -> notes.edit(note.id(), "x"))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(refused, () -> notes.delete(note.id()))).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void aCoachUnassignedLosesTheNotesAtOnce() {
        as(cast.coachAssigned(), () -> notes.add(projectId, SECRET));
        as(cast.admin(), () -> projectService.unassignCoach(projectId, cast.coachAssigned().getId()));
        assertThatThrownBy(() -> as(cast.coachAssigned(), () -> notes.list(projectId))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badNotesAreRefusedWithAMessage() {
        assertThatThrownBy(() -> as(cast.coachAssigned(), () -> notes.add(projectId, "  ")))
                .isInstanceOf(BusinessException.class).hasMessage("project.notes.error.empty");
        assertThatThrownBy(() -> as(cast.coachAssigned(), () -> notes.add(projectId, "x".repeat(10_001))))
                .isInstanceOf(BusinessException.class).hasMessage("project.notes.error.too-long");
        assertThat(as(cast.coachAssigned(), () -> notes.list(projectId))).isEmpty();
    }

    @Test
    void noApiNorExportAHolderCanCallCarriesANote() throws Exception {
        as(cast.coachAssigned(), () -> notes.add(projectId, SECRET));
        for (String url : List.of("/api/projects", "/api/projects/" + projectId, "/api/projects/" + projectId + "/letter",
                "/api/projects/" + projectId + "/letter.md")) {
            String body = mvc.perform(get(url).with(httpBasic(cast.holderA().getEmail(), Fixtures.PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(url).doesNotContain("Porteur fragile");
        }
    }
}
