package fr.atelier51.letter.service;

import fr.atelier51.letter.domain.LetterDocument;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The letter as one XHTML page, laid out like an administrative letter (sender, addressee, place and date, subject,
 * numbered sections, annexes). Section text is the holders' Markdown: rendered, then cleaned to a small safe set.
 */
public final class LetterHtml {

    static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).build();
    private static final Safelist ALLOWED = Safelist.basic().removeTags("span");

    private LetterHtml() {
    }

    public static String render(LetterDocument letter, String fontFamily) {
        StringBuilder body = new StringBuilder();
        body.append("<div class='sender'><strong>").append(text(letter.organisation())).append("</strong><br/>")
                .append(text(letter.holderName())).append("<br/>").append(text(letter.contactEmail())).append("</div>");
        body.append("<div class='addressee'>").append(text(letter.destinationName()));
        if (letter.destinationAddress() != null && !letter.destinationAddress().isBlank()) {
            body.append("<br/>").append(text(letter.destinationAddress()));
        }
        body.append("</div>");
        body.append("<p class='date'>Le ").append(FRENCH_DATE.format(letter.date())).append("</p>");
        body.append("<p class='subject'><strong>Objet&#160;:</strong> ").append(text(letter.subject())).append("</p>");
        if (letter.versionLabel() != null) {
            body.append("<p class='version'>").append(text(letter.versionLabel())).append("</p>");
        }
        for (LetterDocument.Section section : letter.sections()) {
            body.append("<h2>").append(section.number()).append(". ").append(text(section.heading())).append("</h2>");
            body.append(section.isEmpty() ? "<p class='missing'>(non renseigné)</p>" : markdown(section.markdown()));
        }
        body.append("<h2 class='annex'>Annexe 1 — Dérogations envisagées</h2>");
        if (letter.derogations().isEmpty()) {
            body.append("<p class='missing'>Aucune dérogation retenue à ce stade.</p>");
        } else {
            body.append("<table><thead><tr><th>Référence</th><th>Objet</th><th>Avis HAS</th><th>Justification</th></tr></thead><tbody>");
            for (LetterDocument.DerogationLine d : letter.derogations()) {
                // A legal reference reads as one unit: never split "II 1° a)" across lines.
                body.append("<tr><td class='ref'>").append(text(d.reference()).replace(" ", "&#160;")).append("</td><td>").append(text(d.title()))
                        .append("</td><td>").append(d.hasOpinion() ? "requis" : "non").append("</td><td>")
                        .append(text(d.justification() == null ? "" : d.justification())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("<h2 class='annex'>Annexe 2 — Textes cités</h2><ul>");
        for (LetterDocument.CitedArticle a : letter.citedArticles()) {
            body.append("<li>").append(text(a.citation()));
            if (a.url() != null) {
                body.append(" — <a href='").append(attr(a.url())).append("'>").append(text(a.url())).append("</a>");
            }
            body.append("</li>");
        }
        body.append("</ul>");

        Document doc = Jsoup.parse("<html><head><meta charset='utf-8'/><title></title><style>" + css(fontFamily)
                + "</style></head><body>" + body + "</body></html>");
        doc.title(letter.subject());
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");
        return doc.html();
    }

    /** Markdown → HTML restricted to paragraphs, lists, emphasis and links; French typography on the text. */
    static String markdown(String markdown) {
        Node node = MARKDOWN.parse(markdown);
        String html = Jsoup.clean(HTML.render(node), ALLOWED);
        Document fragment = Jsoup.parseBodyFragment(html);
        fragment.select("*").forEach(e -> e.textNodes().forEach(t -> t.text(FrenchTypography.apply(t.text()))));
        return fragment.body().html();
    }

    private static String text(String s) {
        return Entities.escape(FrenchTypography.apply(s == null ? "" : s));
    }

    private static String attr(String s) {
        return Entities.escape(s == null ? "" : s);
    }

    private static String css(String fontFamily) {
        return "@page { size: A4; margin: 22mm 20mm 20mm 22mm; @bottom-center { content: counter(page) ' / ' counter(pages); font-family: '" + fontFamily + "'; font-size: 9pt; } }"
                + "html, body { font-family: '" + fontFamily + "'; font-size: 10.5pt; line-height: 1.4; }"
                + ".sender { margin-bottom: 10mm; } .addressee { margin-left: 90mm; margin-bottom: 8mm; }"
                + ".date { text-align: right; } .subject { margin: 6mm 0; } .version { color: #555; font-size: 9pt; }"
                + "h2 { font-size: 12pt; margin: 6mm 0 2mm; page-break-after: avoid; } .missing { color: #888; font-style: italic; }"
                + "table { border-collapse: collapse; width: 100%; font-size: 9pt; } th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; }"
                + "th { background: #eee; } td.ref { white-space: nowrap; } a { color: #1a4b8c; }";
    }
}
