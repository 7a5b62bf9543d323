package fr.atelier51.workspace.service;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Renders a section's Markdown-light as HTML for the preview. Safe for any text someone typed: raw HTML is escaped by
 * the renderer, link targets other than http(s) and mailto are dropped, and the result goes through a jsoup safelist
 * as a second line of defence.
 */
public final class MarkdownPreview {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>").build();
    private static final Safelist SAFE = Safelist.basic().addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr")
            .removeProtocols("a", "href", "ftp");

    private MarkdownPreview() {
    }

    /** The HTML body of the text (no wrapping element). */
    public static String toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        return Jsoup.clean(html, SAFE);
    }
}
