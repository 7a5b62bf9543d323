package fr.atelier51.base.ui;

import com.vaadin.flow.component.Html;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Markdown-light typed by users (paragraphs, lists, bold, italics, links) as a component. Raw HTML is escaped by
 * the renderer and the result cleaned with jsoup's basic safelist again, so nothing typed can run in the page.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private SafeMarkdown() {
    }

    public static String html(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        return Jsoup.clean(html, Safelist.basic().addAttributes("a", "rel").addEnforcedAttribute("a", "rel", "noopener nofollow"));
    }

    public static Html component(String markdown) {
        return new Html("<div class=\"markdown\">" + html(markdown) + "</div>");
    }
}
