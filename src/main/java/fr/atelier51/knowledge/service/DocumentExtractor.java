package fr.atelier51.knowledge.service;

import fr.atelier51.base.service.BusinessException;
import fr.atelier51.knowledge.domain.UploadFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an uploaded file into passages: a page of a PDF, a heading section of a DOCX, HTML or Markdown document,
 * a run of paragraphs of a plain text. Everything is read in memory before anything is stored, so a bad file is
 * refused whole with a message the user can act on ({@link BusinessException} keys {@code knowledge.upload.error.*}).
 * Scripts, styles and embedded objects of HTML are dropped: only text is kept, and it is HTML-escaped when shown.
 */
public final class DocumentExtractor {

    /** One passage of a document. */
    public record Section(String anchor, String heading, String text) {
    }

    static final int MAX_PDF_PAGES = 3_000;
    /** Characters of text a document may hold once extracted (a long guide is about 1 M). */
    static final int MAX_TEXT_CHARS = 5_000_000;
    /** Longer sections are cut in parts of about this size so a snippet and a hit stay focused. */
    static final int MAX_SECTION_CHARS = 6_000;

    private static final Set<String> HTML_DROPPED = Set.of("script", "style", "noscript", "iframe", "object", "embed",
            "template", "svg", "canvas", "head", "form", "button", "select", "input", "textarea");
    private static final Set<String> HTML_HEADINGS = Set.of("h1", "h2", "h3");
    private static final Set<String> HTML_BLOCKS = Set.of("p", "div", "li", "tr", "br", "h4", "h5", "h6", "pre",
            "blockquote", "dd", "dt", "section", "article", "table", "ul", "ol");

    static {
        // DOCX is a zip: refuse archives that inflate far more than a real document (zip bombs) before reading them.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(200L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(20L * 1024 * 1024);
    }

    private DocumentExtractor() {
    }

    /**
     * The checks that take no time (format, empty, the file's signature), made while the uploader waits; the
     * extraction itself runs in the background.
     */
    public static UploadFormat precheck(String fileName, byte[] bytes) {
        UploadFormat format = UploadFormat.ofFileName(fileName)
                .orElseThrow(() -> new BusinessException("knowledge.upload.error.format", fileName));
        if (bytes == null || bytes.length == 0) {
            throw new BusinessException("knowledge.upload.error.empty");
        }
        if (format == UploadFormat.PDF && !startsWith(bytes, "%PDF-")) {
            throw new BusinessException("knowledge.upload.error.mismatch", "PDF");
        }
        if (format == UploadFormat.DOCX && !startsWith(bytes, "PK\u0003\u0004")) {
            throw new BusinessException("knowledge.upload.error.mismatch", "DOCX");
        }
        return format;
    }

    public static List<Section> extract(String fileName, byte[] bytes) {
        UploadFormat format = UploadFormat.ofFileName(fileName)
                .orElseThrow(() -> new BusinessException("knowledge.upload.error.format", fileName));
        if (bytes == null || bytes.length == 0) {
            throw new BusinessException("knowledge.upload.error.empty");
        }
        List<Section> sections = switch (format) {
            case PDF -> pdf(bytes);
            case DOCX -> docx(bytes);
            case HTML -> html(bytes);
            case MARKDOWN -> markdown(text(bytes));
            case TEXT -> plain(text(bytes));
        };
        List<Section> result = cut(sections.stream().filter(s -> !s.text().isBlank()).toList());
        if (result.isEmpty()) {
            throw new BusinessException("knowledge.upload.error.no-text");
        }
        long chars = result.stream().mapToLong(s -> s.text().length()).sum();
        if (chars > MAX_TEXT_CHARS) {
            throw new BusinessException("knowledge.upload.error.too-much-text", chars, MAX_TEXT_CHARS);
        }
        return result;
    }

    // ---------------------------------------------------------------- PDF

    private static List<Section> pdf(byte[] bytes) {
        if (!startsWith(bytes, "%PDF-")) {
            throw new BusinessException("knowledge.upload.error.mismatch", "PDF");
        }
        try (PDDocument doc = Loader.loadPDF(bytes, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new BusinessException("knowledge.upload.error.pdf-encrypted");
            }
            int pages = doc.getNumberOfPages();
            if (pages > MAX_PDF_PAGES) {
                throw new BusinessException("knowledge.upload.error.pdf-pages", pages, MAX_PDF_PAGES);
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<Section> sections = new ArrayList<>();
            long chars = 0;
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = normalise(stripper.getText(doc));
                chars += text.length();
                if (chars > MAX_TEXT_CHARS) {
                    throw new BusinessException("knowledge.upload.error.too-much-text", chars, MAX_TEXT_CHARS);
                }
                sections.add(new Section("page-" + page, "Page " + page, text));
            }
            return sections;
        } catch (InvalidPasswordException e) {
            throw new BusinessException("knowledge.upload.error.pdf-encrypted");
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException be) {
                throw be;
            }
            throw new BusinessException("knowledge.upload.error.pdf-corrupt");
        }
    }

    // ---------------------------------------------------------------- DOCX

    private static List<Section> docx(byte[] bytes) {
        if (!startsWith(bytes, "PK\u0003\u0004")) {
            throw new BusinessException("knowledge.upload.error.mismatch", "DOCX");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            SectionBuilder out = new SectionBuilder();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String text = p.getText();
                    if (isHeading(doc, p) && !text.isBlank()) {
                        out.heading(text);
                    } else {
                        out.line(text);
                    }
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText().strip());
                        }
                        out.line(String.join(" | ", cells));
                    }
                }
            }
            return out.sections();
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException be) {
                throw be;
            }
            if (isZipBomb(e)) {
                throw new BusinessException("knowledge.upload.error.docx-bomb");
            }
            throw new BusinessException("knowledge.upload.error.docx-corrupt");
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("zip bomb") || m.contains("max entry size") || m.contains("maxentrysize")
                    || m.contains("max text size") || m.contains("file count")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeading(XWPFDocument doc, XWPFParagraph p) {
        String id = p.getStyleID();
        if (id == null) {
            return false;
        }
        String name = id;
        XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
        if (style != null && style.getName() != null) {
            name = style.getName();
        }
        String n = name.toLowerCase(Locale.ROOT).replace(" ", "");
        return n.matches("(heading|titre)[123]") || "title".equals(n) || "titre".equals(n);
    }

    // ---------------------------------------------------------------- HTML

    private static List<Section> html(byte[] bytes) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        } catch (IOException e) {
            throw new BusinessException("knowledge.upload.error.not-text");
        }
        doc.select(String.join(",", HTML_DROPPED)).remove();
        SectionBuilder out = new SectionBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int inHeading;

            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element e && HTML_HEADINGS.contains(e.normalName())) {
                    out.heading(e.text());
                    inHeading++;
                } else if (node instanceof TextNode t && inHeading == 0) {
                    out.append(t.text());
                }
            }

            @Override
            public void tail(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element e) {
                    if (HTML_HEADINGS.contains(e.normalName())) {
                        inHeading--;
                    } else if (HTML_BLOCKS.contains(e.normalName())) {
                        out.line("");
                    }
                }
            }
        }, doc.body());
        return out.sections();
    }

    // ---------------------------------------------------------------- Markdown and text

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    private static List<Section> markdown(String source) {
        Node root = MARKDOWN.parse(source);
        SectionBuilder out = new SectionBuilder();
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && h.getLevel() <= 3) {
                out.heading(PLAIN.render(h).strip());
            } else {
                out.line(PLAIN.render(node));
            }
        }
        return out.sections();
    }

    private static List<Section> plain(String text) {
        SectionBuilder out = new SectionBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            out.line(paragraph);
        }
        return out.sections();
    }

    /** UTF-8 (with or without BOM), else Windows-1252; refuses binary content. */
    private static String text(byte[] bytes) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            s = new String(bytes, Charset.forName("windows-1252"));
        }
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        long controls = s.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
        if (controls > Math.max(2, s.length() / 1000)) {
            throw new BusinessException("knowledge.upload.error.not-text");
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    // ---------------------------------------------------------------- helpers

    /** Collects sections: text before the first heading goes to an untitled first section. */
    private static final class SectionBuilder {
        private final List<Section> sections = new ArrayList<>();
        private String heading = "";
        private StringBuilder text = new StringBuilder();

        void heading(String h) {
            flush();
            heading = normalise(h);
        }

        void append(String s) {
            text.append(s);
        }

        void line(String s) {
            text.append(s).append('\n');
        }

        private void flush() {
            String t = normalise(text.toString());
            if (!t.isBlank() || !heading.isBlank()) {
                sections.add(new Section("s-" + (sections.size() + 1), heading, t.isBlank() ? heading : t));
            }
            text = new StringBuilder();
        }

        List<Section> sections() {
            flush();
            return sections;
        }
    }

    /** Splits long sections at paragraph (else sentence, else word) boundaries. */
    static List<Section> cut(List<Section> sections) {
        List<Section> result = new ArrayList<>();
        for (Section s : sections) {
            if (s.text().length() <= MAX_SECTION_CHARS) {
                result.add(s);
                continue;
            }
            String rest = s.text();
            int part = 1;
            while (!rest.isEmpty()) {
                int cut = rest.length() <= MAX_SECTION_CHARS ? rest.length() : boundary(rest);
                String piece = rest.substring(0, cut).strip();
                if (!piece.isEmpty()) {
                    result.add(new Section(s.anchor() + (part == 1 ? "" : "-" + part),
                            part == 1 ? s.heading() : (s.heading().isBlank() ? "" : s.heading() + " ") + "(suite " + part + ")", piece));
                    part++;
                }
                rest = rest.substring(cut);
            }
        }
        return result;
    }

    private static int boundary(String text) {
        int min = MAX_SECTION_CHARS / 2;
        for (String sep : List.of("\n\n", "\n", ". ", " ")) {
            int i = text.lastIndexOf(sep, MAX_SECTION_CHARS);
            if (i >= min) {
                return i + sep.length();
            }
        }
        return MAX_SECTION_CHARS;
    }

    private static String normalise(String s) {
        return s.replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll(" *\\n[ \\n]*\\n", "\n\n").strip();
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (bytes[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
