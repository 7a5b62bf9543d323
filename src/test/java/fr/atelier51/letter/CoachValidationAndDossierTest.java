package fr.atelier51.letter;

import fr.atelier51.account.domain.Account;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.letter.domain.CtisCriterion;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.letter.service.CriterionValidationService;
import fr.atelier51.letter.service.ReadinessService;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.service.LetterService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The coach's decision per CTIS criterion and the overall state it leads to; the project file as a ZIP. */
@IntegrationTest
@AutoConfigureMockMvc
class CoachValidationAndDossierTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CriterionValidationService validations;
    @Autowired
    ReadinessService readiness;
    @Autowired
    AssistantService assistant;
    @Autowired
    LetterService letters;
    @Autowired
    ProjectWorkflow workflow;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    Fixtures.Cast cast;
    long id;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Plaies chroniques en Bretagne");
        id = cast.project().getId();
    }

    @Test
    void onlyAnAssignedCoachOrAnAdminDecidesAndARefusalSaysWhy() {
        assertThatThrownBy(() -> as(cast.holderA(), () -> validations.decide(id, CtisCriterion.EFFICIENCE, true, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> as(cast.coachOther(), () -> validations.decide(id, CtisCriterion.EFFICIENCE, true, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(cast.holderB(), () -> validations.current(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(cast.coachAssigned(), () -> validations.decide(id, CtisCriterion.EFFICIENCE, false, "  ")))
                .isInstanceOf(BusinessException.class).hasMessage("filing.error.comment-required");
        assertThatThrownBy(() -> as(cast.coachAssigned(), () -> validations.decide(id, CtisCriterion.EFFICIENCE, true, "x".repeat(2001))))
                .hasMessage("filing.error.comment-too-long");
        assertThat(as(cast.holderA(), () -> validations.canDecide(id))).isFalse();
        assertThat(as(cast.coachAssigned(), () -> validations.canDecide(id))).isTrue();
        assertThat(as(cast.admin(), () -> validations.canDecide(id))).isTrue();

        as(cast.coachAssigned(), () -> validations.decide(id, CtisCriterion.EFFICIENCE, false, "Chiffrer le coût évité."));
        as(cast.admin(), () -> validations.decide(id, CtisCriterion.INNOVATION, true, null));
        Map<CtisCriterion, Readiness.Validation> seenByHolder = as(cast.holderA(), () -> validations.current(id));
        assertThat(seenByHolder.get(CtisCriterion.EFFICIENCE).validated()).isFalse();
        assertThat(seenByHolder.get(CtisCriterion.EFFICIENCE).comment()).isEqualTo("Chiffrer le coût évité.");
        assertThat(seenByHolder.get(CtisCriterion.EFFICIENCE).author()).isEqualTo(cast.coachAssigned().getDisplayName());
        assertThat(seenByHolder.get(CtisCriterion.INNOVATION).author()).isEqualTo(cast.admin().getDisplayName());
        assertThat(seenByHolder).doesNotContainKey(CtisCriterion.FAISABILITE);

        // The latest decision counts; the earlier one stays in the history.
        as(cast.coachAssigned(), () -> validations.decide(id, CtisCriterion.EFFICIENCE, true, "Coût évité chiffré."));
        assertThat(as(cast.holderA(), () -> validations.current(id)).get(CtisCriterion.EFFICIENCE).validated()).isTrue();
        assertThat(as(cast.holderA(), () -> validations.history(id))).hasSize(3);
    }

    @Test
    void theOverallStateGoesFromToCompleteToReadyToValidated() {
        assertThat(as(cast.holderA(), () -> readiness.readiness(id)).overall()).isEqualTo(Readiness.Overall.TO_COMPLETE);
        int emptyPercent = as(cast.holderA(), () -> readiness.readiness(id)).percent();
        complete();
        Readiness ready = as(cast.holderA(), () -> readiness.readiness(id));
        assertThat(ready.items()).noneMatch(i -> i.state() == Readiness.State.MISSING);
        assertThat(ready.overall()).isEqualTo(Readiness.Overall.READY_FOR_REVIEW);
        assertThat(ready.percent()).isGreaterThan(emptyPercent).isBetween(80, 100);

        for (CtisCriterion c : CtisCriterion.values()) {
            if (c != CtisCriterion.REPRODUCTIBILITE) {
                as(cast.coachAssigned(), () -> validations.decide(id, c, true, null));
            }
        }
        assertThat(as(cast.holderA(), () -> readiness.readiness(id)).overall()).isEqualTo(Readiness.Overall.READY_FOR_REVIEW);
        as(cast.coachAssigned(), () -> validations.decide(id, CtisCriterion.REPRODUCTIBILITE, false, "Dire ce qui change ailleurs."));
        assertThat(as(cast.holderA(), () -> readiness.readiness(id)).overall()).isEqualTo(Readiness.Overall.READY_FOR_REVIEW);
        as(cast.coachAssigned(), () -> validations.decide(id, CtisCriterion.REPRODUCTIBILITE, true, "Bien."));
        assertThat(as(cast.holderA(), () -> readiness.readiness(id)).overall()).isEqualTo(Readiness.Overall.VALIDATED_BY_COACH);

        // Validated criteria do not hide a check that goes missing again.
        jdbc.update("update letter_section set body = '', body_version = version where project_id = ? and section_key = 'duree'", id);
        assertThat(as(cast.holderA(), () -> readiness.readiness(id)).overall()).isEqualTo(Readiness.Overall.TO_COMPLETE);
    }

    @Test
    void theProjectFileIsOneZipWithTheLetterTheAssistantRecordTheHistoryAndTheFiledPdfs() throws Exception {
        Account owner = cast.holderA();
        as(owner, () -> assistant.reply(id, "Des infirmières libérales suivent les plaies chroniques à domicile dans le "
                + "Finistère et le Morbihan, payées au forfait par patient, pendant 24 mois."));
        complete();
        as(cast.coachAssigned(), () -> validations.decide(id, CtisCriterion.EFFICIENCE, false, "Chiffrer le coût évité."));
        as(owner, () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        as(cast.coachAssigned(), () -> workflow.apply(id, StatusChange.of(Transition.VALIDATE)));
        as(owner, () -> workflow.apply(id, new StatusChange(Transition.FILE, null, LocalDate.now(ZoneId.of("Europe/Paris")), "ARS Bretagne")));

        MvcResult result = mvc.perform(get("/api/projects/" + id + "/dossier.zip").with(httpBasic(cast.coachAssigned().getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("dossier-plaies-chroniques-en-bretagne.zip")))
                .andReturn();
        Map<String, byte[]> zip = unzip(result.getResponse().getContentAsByteArray());
        assertThat(zip).containsKeys("LISEZMOI.txt", "historique.md", "assistant/dossier-assistant.json", "assistant/synthese.md",
                "lettre/lettre-intention-plaies-chroniques-en-bretagne.pdf", "lettre/lettre-intention-plaies-chroniques-en-bretagne.docx",
                "lettre/lettre-intention-plaies-chroniques-en-bretagne.md", "depots/lettre-intention-plaies-chroniques-en-bretagne-depot-1.pdf");
        try (PDDocument pdf = Loader.loadPDF(zip.get("lettre/lettre-intention-plaies-chroniques-en-bretagne.pdf"))) {
            assertThat(LetterWritersTest.pdfText(pdf)).contains("Plaies chroniques en Bretagne", "ARS Bretagne", "24 mois");
        }
        try (PDDocument pdf = Loader.loadPDF(zip.get("depots/lettre-intention-plaies-chroniques-en-bretagne-depot-1.pdf"))) {
            assertThat(LetterWritersTest.pdfText(pdf)).contains("Version déposée le", "ARS Bretagne");
        }
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(zip.get("lettre/lettre-intention-plaies-chroniques-en-bretagne.docx")));
             XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            assertThat(extractor.getText()).contains("Plaies chroniques en Bretagne", "11. Durée");
        }
        JsonNode json = JsonMapper.builder().build().readTree(zip.get("assistant/dossier-assistant.json"));
        assertThat(json.path("record").path("durationMonths").asInt()).isEqualTo(24);
        assertThat(json.path("conversation").size()).isGreaterThanOrEqualTo(2);
        assertThat(text(zip, "assistant/synthese.md")).contains("# Ce que l’assistant a établi", "Durée : 24 mois", "Finistère");
        assertThat(text(zip, "historique.md")).contains("Chronologie", "Déposée", "Efficience — non validé (« Chiffrer le coût évité. »)",
                "Dépôt n° 1", "ARS Bretagne");
        assertThat(text(zip, "LISEZMOI.txt")).contains("depots/");

        mvc.perform(get("/api/projects/" + id + "/dossier.zip").with(httpBasic(cast.holderB().getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/projects/" + id + "/dossier.zip")).andExpect(status().isUnauthorized());
    }

    @Test
    void anEmptyLetterStillGivesAnArchiveThatSaysSo() throws Exception {
        as(cast.holderA(), () -> letters.letter(id));
        jdbc.update("update letter_section set body = '', body_version = version where project_id = ?", id);
        byte[] bytes = mvc.perform(get("/api/projects/" + id + "/dossier.zip").with(httpBasic(cast.holderA().getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> zip = unzip(bytes);
        assertThat(zip.keySet()).noneMatch(k -> k.startsWith("lettre/"));
        assertThat(text(zip, "LISEZMOI.txt")).contains("aucune section de la lettre n’est encore écrite");
    }

    /** Writes the complete letter straight into the store before anyone edits it live. */
    private void complete() {
        as(cast.holderA(), () -> letters.letter(id));
        CompleteLetter.sections("Plaies chroniques en Bretagne").forEach((key, text) ->
                jdbc.update("update letter_section set body = ?, body_version = version where project_id = ? and section_key = ?", text, id, key));
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String text(Map<String, byte[]> zip, String name) {
        return new String(zip.get(name), StandardCharsets.UTF_8);
    }
}
