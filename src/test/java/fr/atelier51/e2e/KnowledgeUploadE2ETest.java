package fr.atelier51.e2e;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import fr.atelier51.account.service.DemoAccounts;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey: a coach uploads a PDF through the real upload component and sees it indexed (pushed from the background
 * extraction), bad files are refused (at once or as a failed document with the reason), the PDF is found by search.
 */
class KnowledgeUploadE2ETest extends BrowserTest {

    @Autowired
    KnowledgeIndex index;

    @Test
    void coachUploadsAPdfThatHoldersFindBySearch() throws Exception {
        assertThat(index.awaitReady(5, TimeUnit.MINUTES)).isTrue();
        DemoAccounts.DemoAccount coach = DemoAccounts.ACCOUNTS.get(2);
        login(page, baseUrl(), coach.email(), DemoAccounts.PASSWORD);
        page.navigate(url("admin/knowledge"));

        page.locator("#upload-title input").fill("Cahier des charges régional");
        page.locator("#upload input[type=file]").setInputFiles(new FilePayload("aap.pdf", "application/pdf",
                pdf("Les porteurs transmettent leur dossier archipelagique avant septembre")));
        // extraction and indexing run in the background; their end is pushed to the page
        assertThat(page.locator("#upload-status")).containsText("« Cahier des charges régional » a été ajouté (1 passage cherchable).",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator("#uploads-grid")).containsText("Cahier des charges régional");
        assertThat(page.locator("#uploads-grid")).containsText("Indexé");

        page.locator("#upload input[type=file]").setInputFiles(new FilePayload("vide.txt", "text/plain", new byte[0]));
        assertThat(page.locator("#upload-status")).containsText("Le fichier est vide");
        page.locator("#upload input[type=file]").setInputFiles(new FilePayload("faux.pdf", "application/pdf",
                "pas un pdf".getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#upload-status")).containsText("n’est pas celui d’un PDF");
        // a file only the extraction can refuse: listed as failed, with the reason, pushed while the page stays usable
        page.locator("#upload input[type=file]").setInputFiles(new FilePayload("casse.pdf", "application/pdf",
                java.util.Arrays.copyOf(pdf("tronque"), 60)));
        assertThat(page.locator("#upload-status")).containsText("« casse » n’a pas pu être indexé : Le PDF est illisible",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator("#uploads-grid")).containsText("Échec : Le PDF est illisible");
        snapshot(page, "knowledge-admin");

        assertThat(index.awaitIdle(1, TimeUnit.MINUTES)).isTrue();
        DemoAccounts.DemoAccount holder = DemoAccounts.ACCOUNTS.get(0);
        var other = newContext().newPage();
        login(other, baseUrl(), holder.email(), DemoAccounts.PASSWORD);
        other.navigate(url("knowledge?q=archipelagique"));
        assertThat(other.locator("#knowledge-results")).containsText("Document déposé « Cahier des charges régional » (aap.pdf), page 1");
        other.locator("#knowledge-results a[href*='knowledge/uploads/']").first().click();
        assertThat(other.locator("#upload-title")).hasText("Cahier des charges régional");
        assertThat(other.locator("#page-1")).containsText("archipelagique");
        snapshot(other, "knowledge-upload-page");
    }

    private static byte[] pdf(String text) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
