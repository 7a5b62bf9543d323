package fr.atelier51.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import fr.atelier51.letter.CompleteLetter;
import fr.atelier51.testsupport.Fixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a written letter to a filed one, in Chromium: the holder fills the letter (through the API, as a script would)
 * and asks for a review; the coach finds it in her portfolio, validates the four CTIS criteria in the readiness panel
 * and the letter; the holder downloads the PDF, files it, and sees the frozen version with its own PDF.
 */
@Import(Fixtures.class)
class FilingJourneyE2ETest extends BrowserTest {

    private static final String TITLE = "Plaies chroniques à domicile en Bretagne";

    @Autowired
    Fixtures fixtures;

    @Test
    void holderFillsAsksForReviewCoachValidatesHolderExportsAndFiles() throws Exception {
        Fixtures.Cast cast = fixtures.cast(TITLE);
        long id = cast.project().getId();
        fillThroughTheApi(id, cast.holderA().getEmail());

        // The holder asks for the coach's review.
        login(page, baseUrl(), cast.holderA().getEmail(), Fixtures.PASSWORD);
        page.navigate(url("projects/" + id));
        assertThat(page.locator("#status-banner")).containsText("Idée");
        page.locator("#transition-REQUEST_REVIEW").click();
        page.locator("#transition-confirm").click();
        assertThat(page.locator("#status-banner")).containsText("En revue par le coach");
        snapshot(page, "filing-01-review-requested");

        // The coach: her portfolio reminds her, one click to the readiness panel, she validates each criterion.
        BrowserContext coachComputer = newContext();
        Page coach = coachComputer.newPage();
        login(coach, baseUrl(), cast.coachAssigned().getEmail(), Fixtures.PASSWORD);
        coach.navigate(url("portfolio"));
        assertThat(coach.locator("#pending-reviews")).containsText(TITLE);
        assertThat(coach.locator("#portfolio-grid")).containsText("Prête pour la revue du coach");
        snapshot(coach, "filing-02-coach-portfolio");
        coach.locator("#pending-reviews a").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(TITLE)).click();
        coach.waitForURL(u -> u.endsWith("/projects/" + id + "/readiness"));
        for (String criterion : new String[]{"FAISABILITE", "INNOVATION", "EFFICIENCE", "REPRODUCTIBILITE"}) {
            coach.locator("#comment-" + criterion + " textarea").fill("Critère bien argumenté.");
            coach.locator("#validate-" + criterion).click();
            assertThat(coach.locator("#decision-" + criterion)).containsText("Validé par le coach");
        }
        assertThat(coach.locator("#readiness-overall")).containsText("Validée par le coach");
        snapshot(coach, "filing-03-criteria-validated");
        coach.navigate(url("projects/" + id));
        coach.locator("#transition-VALIDATE").click();
        coach.locator("#transition-confirm").click();
        assertThat(coach.locator("#status-banner")).containsText("Prête à déposer");
        coachComputer.close();

        // The holder reads the coach's decisions, downloads the PDF, then files the letter.
        page.navigate(url("projects/" + id + "/readiness"));
        assertThat(page.locator("#decision-EFFICIENCE")).containsText("Critère bien argumenté.");
        assertThat(page.locator("#validate-EFFICIENCE")).hasCount(0);
        page.navigate(url("projects/" + id));
        Download pdf = page.waitForDownload(() -> page.locator("#export-pdf").click());
        assertThat(pdfText(Files.readAllBytes(pdf.path()))).contains(TITLE, "Projet de lettre");
        assertThat(pdf.suggestedFilename()).endsWith(".pdf");

        page.locator("#transition-FILE").click();
        assertThat(page.locator("#transition-destination input")).hasValue("ARS Occitanie");
        page.locator("#transition-destination input").fill("");
        page.locator("#transition-confirm").click();
        assertThat(page.locator("#transition-error")).containsText("destinataire");
        page.locator("#transition-destination input").fill("ARS Occitanie");
        page.locator("#transition-confirm").click();
        assertThat(page.locator("#status-banner")).containsText("Déposée");
        snapshot(page, "filing-04-filed");

        // The frozen version, with the exact PDF that was filed.
        page.locator("#open-filed").click();
        page.waitForURL(u -> u.endsWith("/projects/" + id + "/filed"));
        assertThat(page.locator("#filed-banner")).containsText("Version déposée n° 1");
        assertThat(page.locator("#filed-banner")).containsText("ARS Occitanie");
        assertThat(page.locator("#filed-letter")).containsText("24 mois.");
        Download filed = page.waitForDownload(() -> page.locator("#filed-pdf").click());
        String filedText = pdfText(Files.readAllBytes(filed.path()));
        assertThat(filedText).contains(TITLE, "Version déposée le", "ARS Occitanie");
        snapshot(page, "filing-05-frozen-version");
    }

    /** Writes every section through PUT /api/projects/{id}/letter/sections/{key}, HTTP Basic, as a script would. */
    private void fillThroughTheApi(long id, String email) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((email + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        JsonMapper json = JsonMapper.builder().build();
        HttpResponse<String> letter = http.send(HttpRequest.newBuilder(URI.create(url("api/projects/" + id + "/letter")))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(letter.statusCode()).isEqualTo(200);
        JsonNode sections = json.readTree(letter.body()).path("sections");
        Map<String, String> texts = CompleteLetter.sections(TITLE);
        for (JsonNode section : sections) {
            String key = section.path("key").asString();
            String body = json.writeValueAsString(Map.of("baseVersion", section.path("version").asLong(), "text", texts.get(key)));
            HttpResponse<String> written = http.send(HttpRequest.newBuilder(URI.create(url("api/projects/" + id + "/letter/sections/" + key)))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(written.statusCode()).as(key + " : " + written.body()).isEqualTo(200);
        }
    }

    private static String pdfText(byte[] bytes) throws Exception {
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc).replace('\u00A0', ' ').replace('\u202F', ' ');
        }
    }
}
