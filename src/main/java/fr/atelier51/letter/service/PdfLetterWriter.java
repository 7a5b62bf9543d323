package fr.atelier51.letter.service;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.atelier51.letter.domain.LetterDocument;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * PDF through OpenHTMLtoPDF: selectable text, the DejaVu fonts embedded (they cover accents, Greek, Cyrillic and
 * most symbols), and the title, author and subject in the document metadata.
 */
@Component
public class PdfLetterWriter {

    static final String FONT = "DejaVu Sans";

    public byte[] write(LetterDocument letter) {
        String html = LetterHtml.render(letter, FONT);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Oblique.ttf"), FONT, 400, PdfRendererBuilder.FontStyle.ITALIC, true);
            builder.withHtmlContent(html, null);
            builder.withProducer("Atelier 51");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = PdfLetterWriter.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("Police manquante dans l’application : " + file);
        }
        return in;
    }
}
