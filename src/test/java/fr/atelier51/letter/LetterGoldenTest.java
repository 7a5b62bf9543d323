package fr.atelier51.letter;

import fr.atelier51.letter.domain.LetterDocument;
import fr.atelier51.letter.service.DocxLetterWriter;
import fr.atelier51.letter.service.MarkdownLetterWriter;
import fr.atelier51.letter.service.PdfLetterWriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.fail;

/**
 * The text of the exported letter, compared with committed golden files, so any change in what a recipient reads
 * shows up in review. The fixture letter and its date are fixed; whitespace is normalised (runs of spaces, no-break
 * spaces, blank lines), nothing else.
 *
 * <p>After an intended change, regenerate and review the diff of {@code src/test/resources/golden/}:
 * {@code mvn -o test -Dtest=LetterGoldenTest -Dgolden.update=true}
 */
class LetterGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static LetterDocument fixture() {
        LetterDocument base = LetterWritersTest.letter(LetterWritersTest.DESCRIPTION);
        return new LetterDocument(base.projectTitle(), base.holderName(), base.organisation(), base.contactEmail(),
                base.destinationName(), base.destinationAddress(), base.date(), base.sections(), base.derogations(),
                base.citedArticles(), "Version déposée le 22 novembre 2026");
    }

    @Test
    void pdfTextMatchesTheGoldenFile() throws IOException {
        try (PDDocument doc = Loader.loadPDF(new PdfLetterWriter().write(fixture()))) {
            compare("letter.pdf.txt", LetterWritersTest.pdfText(doc));
        }
    }

    @Test
    void docxTextMatchesTheGoldenFile() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(new DocxLetterWriter().write(fixture())));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            compare("letter.docx.txt", extractor.getText());
        }
    }

    @Test
    void markdownMatchesTheGoldenFile() throws IOException {
        compare("letter.md.txt", new String(new MarkdownLetterWriter().write(fixture()), StandardCharsets.UTF_8));
    }

    static String normalise(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replace("\r", "").lines()
                .map(l -> l.replaceAll("[ \\t]+", " ").strip())
                .filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static void compare(String name, String raw) throws IOException {
        String actual = normalise(raw);
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("Fichier de référence absent : " + file + ". Générez-le : mvn -o test -Dtest=LetterGoldenTest -Dgolden.update=true");
        }
        String expected = normalise(Files.readString(file, StandardCharsets.UTF_8));
        if (!expected.equals(actual)) {
            fail(diff(name, expected.lines().toList(), actual.lines().toList()));
        }
    }

    /** The first differing line with a little context, and how to accept the change if it is intended. */
    static String diff(String name, List<String> expected, List<String> actual) {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        StringBuilder msg = new StringBuilder("Le texte exporté diffère de " + GOLDEN.resolve(name) + " à la ligne " + (i + 1) + " :\n");
        for (int k = Math.max(0, i - 2); k < i; k++) {
            msg.append("    ").append(expected.get(k)).append('\n');
        }
        msg.append("  - attendu : ").append(i < expected.size() ? expected.get(i) : "(fin du fichier)").append('\n');
        msg.append("  + obtenu  : ").append(i < actual.size() ? actual.get(i) : "(fin du texte)").append('\n');
        msg.append("(").append(expected.size()).append(" lignes attendues, ").append(actual.size()).append(" obtenues.)\n");
        msg.append("Si le changement est voulu : mvn -o test -Dtest=LetterGoldenTest -Dgolden.update=true, puis relisez le diff de ")
                .append(GOLDEN).append('.');
        return msg.toString();
    }
}
