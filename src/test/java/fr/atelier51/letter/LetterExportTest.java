package fr.atelier51.letter;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.SectionState;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** From the assistant's record to a pre-filled letter, edited, then exported through the API as real files. */
@IntegrationTest
@AutoConfigureMockMvc
class LetterExportTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AssistantService assistant;
    @Autowired
    LetterService letters;
    @Autowired
    MockMvc mvc;

    @Test
    void theLetterStartsFromTheAssistantAndExportsAddressedToTheRightArs() throws Exception {
        Account holder = fixtures.account(Role.HOLDER, "Yvonne");
        Account outsider = fixtures.account(Role.HOLDER, "Xavier");
        long id = fixtures.projectOf(holder, "Plaies chroniques en Bretagne").getId();
        as(holder, () -> assistant.reply(id, "Des infirmières libérales suivent les plaies chroniques à domicile dans le "
                + "Finistère et le Morbihan, payées au forfait par patient, pendant 24 mois."));

        List<SectionState> letter = as(holder, () -> letters.letter(id));
        assertThat(letter).hasSize(15);
        assertThat(text(letter, SectionKey.INTITULE)).contains("**Plaies chroniques en Bretagne**");
        assertThat(text(letter, SectionKey.DEROGATIONS)).contains("L.162-31-1 II 1° a)");
        assertThat(text(letter, SectionKey.DUREE)).startsWith("24 mois");
        assertThat(text(letter, SectionKey.OBJECTIFS)).isEmpty();

        long base = letter.stream().filter(s -> s.key() == SectionKey.OBJECTIFS).findFirst().orElseThrow().version();
        as(holder, () -> letters.write(id, SectionKey.OBJECTIFS, base, "Réduire les réhospitalisations ; mesurer la qualité de vie.", ChangeKind.API));

        MvcResult pdf = mvc.perform(get("/api/projects/" + id + "/letter.pdf").with(httpBasic(holder.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("lettre-intention-plaies-chroniques-en-bretagne.pdf")))
                .andReturn();
        try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = LetterWritersTest.pdfText(doc);
            assertThat(text).contains("Directeur général de l’ARS Bretagne", "Plaies chroniques en Bretagne",
                    "Réduire les réhospitalisations ; mesurer", "Annexe 1", "L.162-31-1 II 1° a)", "Projet de lettre");
        }

        MvcResult docx = mvc.perform(get("/api/projects/" + id + "/letter.docx").with(httpBasic(holder.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getResponse().getContentAsByteArray()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            assertThat(extractor.getText()).contains("Directeur général de l’ARS Bretagne", "5. Objectifs");
        }
        String md = mvc.perform(get("/api/projects/" + id + "/letter.md").with(httpBasic(holder.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(md).contains("## 5. ", "Réduire les réhospitalisations");

        mvc.perform(get("/api/projects/" + id + "/letter.pdf").with(httpBasic(outsider.getEmail(), Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/projects/" + id + "/letter.pdf")).andExpect(status().isUnauthorized());
    }

    private static String text(List<SectionState> letter, SectionKey key) {
        return letter.stream().filter(s -> s.key() == key).findFirst().orElseThrow().text();
    }
}
