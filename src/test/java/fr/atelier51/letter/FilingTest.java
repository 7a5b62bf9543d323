package fr.atelier51.letter;

import fr.atelier51.account.domain.Account;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.letter.domain.FiledLetter;
import fr.atelier51.letter.service.FilingService;
import fr.atelier51.letter.service.LetterExportService;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Filing freezes the letter as a numbered, read-only snapshot with its exact PDF; later edits never touch it. */
@IntegrationTest
@AutoConfigureMockMvc
class FilingTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectService projects;
    @Autowired
    ProjectWorkflow workflow;
    @Autowired
    LetterService letters;
    @Autowired
    FilingService filing;
    @Autowired
    LetterExportService exports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    Fixtures.Cast cast;
    long id;
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Télésurveillance des plaies");
        id = cast.project().getId();
    }

    @Test
    void filingFreezesTheLetterAndLaterEditsStartANewVersion() throws Exception {
        Account owner = cast.holderA();
        write(owner, SectionKey.OBJECTIFS, "Réduire les hospitalisations évitables.");
        bringToReady();
        assertThat(as(owner, () -> filing.list(id))).isEmpty();

        as(owner, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "ARS Occitanie")));
        List<FiledLetter> filed = as(owner, () -> filing.list(id));
        assertThat(filed).hasSize(1);
        FiledLetter first = filed.getFirst();
        assertThat(first.getNumber()).isEqualTo(1);
        assertThat(first.getDestination()).isEqualTo("ARS Occitanie");
        assertThat(first.getFiledOn()).isEqualTo(today);
        assertThat(first.getFiledByName()).isEqualTo(owner.getDisplayName());
        assertThat(first.getSections()).anyMatch(s -> s.getKey().equals("objectifs") && s.getBody().equals("Réduire les hospitalisations évitables."));
        byte[] firstPdf = as(owner, () -> filing.pdf(id, 1));
        try (PDDocument doc = Loader.loadPDF(firstPdf)) {
            assertThat(LetterWritersTest.pdfText(doc)).contains("Télésurveillance des plaies", "Version déposée le", "ARS Occitanie",
                    "Réduire les hospitalisations évitables.");
        }
        assertThat(as(owner, () -> filing.changedSinceFiling(id))).isFalse();

        // Edits after filing: the snapshot stays as filed, the live letter is labelled as a new version.
        write(owner, SectionKey.OBJECTIFS, "Réduire les hospitalisations évitables et les passages aux urgences.");
        FiledLetter again = as(owner, () -> filing.get(id, 1));
        assertThat(again.getSections()).anyMatch(s -> s.getKey().equals("objectifs") && s.getBody().equals("Réduire les hospitalisations évitables."));
        assertThat(as(owner, () -> filing.pdf(id, 1))).isEqualTo(firstPdf);
        assertThat(as(owner, () -> filing.changedSinceFiling(id))).isTrue();
        byte[] live = as(owner, () -> exports.export(id, LetterExportService.Format.PDF)).bytes();
        try (PDDocument doc = Loader.loadPDF(live)) {
            assertThat(LetterWritersTest.pdfText(doc)).contains("Modifications après dépôt").doesNotContain("Version déposée le");
        }
        assertThatThrownBy(() -> first.getSections().add(null)).isInstanceOf(UnsupportedOperationException.class);

        // Re-filing after the changes keeps both snapshots, numbered.
        as(owner, () -> workflow.apply(id, StatusChange.of(Transition.REOPEN)));
        bringToReady();
        as(owner, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "ARS Occitanie (nouvelle version)")));
        List<FiledLetter> both = as(owner, () -> filing.list(id));
        assertThat(both).extracting(FiledLetter::getNumber).containsExactly(1, 2);
        assertThat(both.get(1).getSections()).anyMatch(s -> s.getBody().contains("passages aux urgences"));
        assertThat(as(owner, () -> filing.pdf(id, 1))).isEqualTo(firstPdf);
        assertThat(as(owner, () -> filing.get(id, null)).getNumber()).isEqualTo(2);

        // Same access as the project, through the API; no way to write.
        for (Account reader : List.of(owner, cast.coachAssigned(), cast.admin())) {
            byte[] pdf = mvc.perform(get("/api/projects/" + id + "/filed/1.pdf").with(httpBasic(reader.getEmail(), Fixtures.PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(pdf).isEqualTo(firstPdf);
        }
        byte[] latest = mvc.perform(get("/api/projects/" + id + "/filed.pdf").with(httpBasic(owner.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(latest).isEqualTo(as(owner, () -> filing.pdf(id, 2)));
        for (Account outsider : List.of(cast.holderB(), cast.coachOther())) {
            mvc.perform(get("/api/projects/" + id + "/filed.pdf").with(httpBasic(outsider.getEmail(), Fixtures.PASSWORD)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/projects/" + id + "/filed.pdf")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/projects/" + id + "/filed/3.pdf").with(httpBasic(owner.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/projects/" + id + "/filed/1.pdf").content(new byte[]{1}).with(httpBasic(owner.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().is4xxClientError());
        mvc.perform(delete("/api/projects/" + id + "/filed/1.pdf").with(httpBasic(owner.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().is4xxClientError());
        assertThat(as(owner, () -> filing.pdf(id, 1))).isEqualTo(firstPdf);
    }

    @Test
    void anAlteredSnapshotIsRefusedRatherThanServed() throws Exception {
        bringToReady();
        as(cast.holderA(), () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "ARS Occitanie")));
        // Only someone with direct access to the database could do this; the app notices and refuses.
        jdbc.update("update filed_letter set pdf = ? where project_id = ?", "%PDF-falsifié".getBytes(StandardCharsets.UTF_8), id);
        assertThatThrownBy(() -> as(cast.holderA(), () -> filing.pdf(id, 1))).isInstanceOf(BusinessException.class)
                .hasMessage("filing.error.altered");
        String body = mvc.perform(get("/api/projects/" + id + "/filed.pdf").with(httpBasic(cast.holderA().getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("ne correspond plus à son empreinte");
    }

    @Test
    void anEmptyLetterIsNeitherExportedNorFiledAndFilingNeedsADestination() throws Exception {
        Account owner = cast.holderA();
        // Sections start pre-filled (title, holder): blank them in the store, as a holder who erased everything would.
        as(owner, () -> letters.letter(id));
        jdbc.update("update letter_section set body = '', body_version = version where project_id = ?", id);
        String body = mvc.perform(get("/api/projects/" + id + "/letter.pdf").with(httpBasic(owner.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("La lettre est vide");
        bringToReady();
        assertThatThrownBy(() -> as(owner, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "  "))))
                .hasMessage("workflow.error.destination-required");
        assertThatThrownBy(() -> as(owner, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "ARS Occitanie"))))
                .isInstanceOf(BusinessException.class).hasMessage("filing.error.empty-letter");
        // Refused as a whole: the project is still ready, not filed, and nothing was frozen.
        assertThat(as(owner, () -> projects.get(id)).getStatus()).isEqualTo(ProjectStatus.PRETE);
        assertThat(as(owner, () -> projects.get(id)).getFiledOn()).isNull();
        assertThat(as(owner, () -> filing.list(id))).isEmpty();
    }

    @Test
    void onlyTheOwnerFiles() {
        bringToReady();
        for (Account other : List.of(cast.coachAssigned(), cast.admin())) {
            assertThatThrownBy(() -> as(other, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, today, "ARS Occitanie"))))
                    .isInstanceOf(BusinessException.class);
        }
        assertThat(as(cast.holderA(), () -> filing.list(id))).isEmpty();
    }

    private void bringToReady() {
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        as(cast.coachAssigned(), () -> workflow.apply(id, StatusChange.of(Transition.VALIDATE)));
    }

    private void write(Account who, SectionKey key, String text) {
        as(who, () -> {
            long version = letters.letter(id).stream().filter(s -> s.key() == key).findFirst().orElseThrow().version();
            letters.write(id, key, version, text, ChangeKind.API);
        });
    }
}
