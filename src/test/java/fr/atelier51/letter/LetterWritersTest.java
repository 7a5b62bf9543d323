package fr.atelier51.letter;

import fr.atelier51.letter.domain.LetterDocument;
import fr.atelier51.letter.service.DocxLetterWriter;
import fr.atelier51.letter.service.FrenchTypography;
import fr.atelier51.letter.service.MarkdownLetterWriter;
import fr.atelier51.letter.service.PdfLetterWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exported files are opened with PDFBox and POI, as a recipient's software would. */
class LetterWritersTest {

    static LetterDocument letter(String descriptionMarkdown) {
        return new LetterDocument("Suivi infirmier de l’insuffisance cardiaque", "Claire Martin", "MSP des Coteaux",
                "claire.martin@exemple.fr", "Directeur général de l’ARS Occitanie", "https://occitanie.ars.sante.fr",
                LocalDate.of(2026, 11, 22),
                List.of(new LetterDocument.Section(1, "Intitulé / objet de l’expérimentation", "Un suivi à domicile : payé au forfait ?"),
                        new LetterDocument.Section(2, "Porteur du projet", ""),
                        new LetterDocument.Section(3, "Description", descriptionMarkdown)),
                List.of(new LetterDocument.DerogationLine("L.162-31-1 II 1° a)", "Règles de tarification", false,
                                "Payer au forfait par patient plutôt qu’à l’acte."),
                        new LetterDocument.DerogationLine("L.162-31-1 II 2° j)", "Compétences des professionnels", true, null)),
                List.of(new LetterDocument.CitedArticle("CSS, art. L.162-31-1, version en vigueur depuis le 01/01/2025",
                        "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000048725803")),
                null);
    }

    static final String DESCRIPTION = """
            L’infirmière coordinatrice **appelle** chaque patient *chaque semaine*.

            - visite à J+7 ;
            - télésurveillance du poids

            1. inclusion
            2. suivi
            """;

    @Test
    void pdfIsAReadableAdministrativeLetterWithEmbeddedFonts() throws Exception {
        byte[] pdf = new PdfLetterWriter().write(letter(DESCRIPTION));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = pdfText(doc);
            assertThat(text).contains("MSP des Coteaux", "Directeur général de l’ARS Occitanie", "Le 22 novembre 2026",
                    "3. Description", "coordinatrice appelle chaque patient chaque semaine", "Annexe 1", "L.162-31-1 II 2° j)", "requis", "(non renseigné)",
                    "LEGIARTI000048725803");
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("Lettre d’intention");
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void docxOpensWithItsSectionsAndDerogationTable() throws Exception {
        byte[] docx = new DocxLetterWriter().write(letter(DESCRIPTION));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains("Directeur général de l’ARS Occitanie", "Le 22 novembre 2026", "3. Description",
                    "• visite à J+7", "1. inclusion", "Annexe 1 — Dérogations envisagées");
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getTables().getFirst().getRow(2).getCell(0).getText()).isEqualTo("L.162-31-1 II 2°\u00A0j)".replace("\u00A0", " "));
            assertThat(doc.getProperties().getCoreProperties().getTitle()).startsWith("Lettre d’intention");
        }
    }

    @Test
    void unusualInputStillGivesValidFiles() throws Exception {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            paragraphs.add("Paragraphe " + i + " : Łódź, Ελλάδα, Москва, ½, € et émoji 🚑 — <script>alert(1)</script> & « guillemets ».");
        }
        LetterDocument big = letter(String.join("\n\n", paragraphs));
        try (PDDocument doc = Loader.loadPDF(new PdfLetterWriter().write(big))) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(30);
            String text = pdfText(doc);
            // Typed markup is shown as the text it is, never interpreted.
            assertThat(text).contains("Łódź", "Ελλάδα", "Москва", "<script>alert(1)</script>");
        }
        assertThat(org.jsoup.Jsoup.parse(fr.atelier51.letter.service.LetterHtml.render(big, "DejaVu Sans")).select("script")).isEmpty();
        {
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(new DocxLetterWriter().write(big)))) {
            assertThat(doc.getParagraphs().size()).isGreaterThan(1500);
        }
        String md = new String(new MarkdownLetterWriter().write(big), StandardCharsets.UTF_8);
        assertThat(md).contains("## 3. Description", "| L.162-31-1 II 1° a) | Règles de tarification | non |");
    }

    /** The text in reading order, no-break spaces read as spaces. */
    static String pdfText(PDDocument doc) throws java.io.IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(doc).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    @Test
    void frenchTypographyKeepsPunctuationWithItsWord() {
        assertThat(FrenchTypography.apply("Objet : le forfait ; pourquoi ? « oui »"))
                .isEqualTo("Objet\u00A0: le forfait\u202F; pourquoi\u202F? «\u00A0oui\u00A0»");
        assertThat(FrenchTypography.apply("https://exemple.fr à 10:30")).isEqualTo("https://exemple.fr à 10:30");
        assertThat(FrenchTypography.apply("Déjà espacé\u00A0: rien à faire")).isEqualTo("Déjà espacé\u00A0: rien à faire");
    }
}
