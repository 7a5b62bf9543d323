package fr.atelier51.letter.service;

import fr.atelier51.letter.domain.LetterDocument;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** DOCX written natively with POI (no LibreOffice): the same letter as the PDF, with real Word paragraphs and a table. */
@Component
public class DocxLetterWriter {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final String FONT = "Arial";

    public byte[] write(LetterDocument letter) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(letter.subject());
            doc.getProperties().getCoreProperties().setCreator(letter.holderName());
            doc.getProperties().getCoreProperties().setSubjectProperty("Lettre d’intention Article 51");

            line(doc, letter.organisation(), true);
            line(doc, letter.holderName(), false);
            line(doc, letter.contactEmail(), false);
            doc.createParagraph();
            XWPFParagraph to = line(doc, letter.destinationName(), true);
            to.setIndentationLeft(5000);
            if (letter.destinationAddress() != null && !letter.destinationAddress().isBlank()) {
                line(doc, letter.destinationAddress(), false).setIndentationLeft(5000);
            }
            doc.createParagraph();
            XWPFParagraph date = line(doc, "Le " + LetterHtml.FRENCH_DATE.format(letter.date()), false);
            date.setAlignment(ParagraphAlignment.RIGHT);
            XWPFParagraph subject = doc.createParagraph();
            run(subject, "Objet" + FrenchTypography.NBSP + ": ", true, false);
            run(subject, FrenchTypography.apply(letter.subject()), false, false);
            if (letter.versionLabel() != null) {
                line(doc, letter.versionLabel(), false);
            }

            for (LetterDocument.Section section : letter.sections()) {
                heading(doc, section.number() + ". " + section.heading());
                if (section.isEmpty()) {
                    run(doc.createParagraph(), "(non renseigné)", false, true);
                } else {
                    MARKDOWN.parse(section.markdown()).accept(new Writer(doc));
                }
            }

            heading(doc, "Annexe 1 — Dérogations envisagées");
            if (letter.derogations().isEmpty()) {
                run(doc.createParagraph(), "Aucune dérogation retenue à ce stade.", false, true);
            } else {
                XWPFTable table = doc.createTable(letter.derogations().size() + 1, 4);
                String[] head = {"Référence", "Objet", "Avis HAS", "Justification"};
                for (int c = 0; c < 4; c++) {
                    cell(table.getRow(0), c, head[c], true);
                }
                for (int r = 0; r < letter.derogations().size(); r++) {
                    LetterDocument.DerogationLine d = letter.derogations().get(r);
                    XWPFTableRow row = table.getRow(r + 1);
                    cell(row, 0, d.reference(), false);
                    cell(row, 1, d.title(), false);
                    cell(row, 2, d.hasOpinion() ? "requis" : "non", false);
                    cell(row, 3, d.justification() == null ? "" : d.justification(), false);
                }
            }
            heading(doc, "Annexe 2 — Textes cités");
            for (LetterDocument.CitedArticle a : letter.citedArticles()) {
                XWPFParagraph p = doc.createParagraph();
                run(p, "• " + FrenchTypography.apply(a.citation()) + (a.url() == null ? "" : " — " + a.url()), false, false);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFParagraph line(XWPFDocument doc, String text, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(0);
        run(p, FrenchTypography.apply(text == null ? "" : text), bold, false);
        return p;
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        p.setKeepNext(true);
        XWPFRun r = run(p, FrenchTypography.apply(text), true, false);
        r.setFontSize(12);
    }

    private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
        XWPFParagraph p = row.getCell(column).getParagraphs().getFirst();
        run(p, FrenchTypography.apply(text), bold, false);
    }

    private static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(10);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
        return r;
    }

    /** Walks the Markdown tree: paragraphs and list items become Word paragraphs, emphasis becomes run styles. */
    private static final class Writer extends AbstractVisitor {
        private final XWPFDocument doc;
        private XWPFParagraph current;
        private boolean bold;
        private boolean italic;
        private int listDepth;
        private int ordinal;

        Writer(XWPFDocument doc) {
            this.doc = doc;
        }

        @Override
        public void visit(Paragraph paragraph) {
            if (listDepth == 0 || current == null) {
                current = doc.createParagraph();
            }
            visitChildren(paragraph);
            if (listDepth == 0) {
                current = null;
            }
        }

        @Override
        public void visit(Heading heading) {
            current = doc.createParagraph();
            boolean was = bold;
            bold = true;
            visitChildren(heading);
            bold = was;
            current = null;
        }

        @Override
        public void visit(BulletList list) {
            listDepth++;
            int saved = ordinal;
            ordinal = 0;
            visitChildren(list);
            ordinal = saved;
            listDepth--;
        }

        @Override
        public void visit(OrderedList list) {
            listDepth++;
            int saved = ordinal;
            ordinal = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
            visitChildren(list);
            ordinal = saved;
            listDepth--;
        }

        @Override
        public void visit(ListItem item) {
            current = doc.createParagraph();
            current.setIndentationLeft(360 * listDepth);
            String marker = ordinal > 0 ? (ordinal++) + ". " : "• ";
            run(current, marker, false, false);
            visitChildren(item);
            current = null;
        }

        @Override
        public void visit(Emphasis emphasis) {
            boolean was = italic;
            italic = true;
            visitChildren(emphasis);
            italic = was;
        }

        @Override
        public void visit(StrongEmphasis strong) {
            boolean was = bold;
            bold = true;
            visitChildren(strong);
            bold = was;
        }

        @Override
        public void visit(Text text) {
            ensureParagraph();
            run(current, FrenchTypography.apply(text.getLiteral()), bold, italic);
        }

        @Override
        public void visit(Code code) {
            ensureParagraph();
            run(current, code.getLiteral(), bold, italic);
        }

        @Override
        public void visit(Link link) {
            visitChildren(link);
            ensureParagraph();
            run(current, " (" + link.getDestination() + ")", false, italic);
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            ensureParagraph();
            run(current, " ", bold, italic);
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            ensureParagraph();
            current.createRun().addBreak();
        }

        private void ensureParagraph() {
            if (current == null) {
                current = doc.createParagraph();
            }
        }
    }
}
