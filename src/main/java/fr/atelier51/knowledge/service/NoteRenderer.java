package fr.atelier51.knowledge.service;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.List;

/** Markdown of a note → sanitised HTML, level-2 headings with the ids the search results link to. */
public final class NoteRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();
    private static final Safelist SAFE = Safelist.relaxed().removeTags("img").addAttributes("h2", "id");

    private NoteRenderer() {
    }

    public static String toSafeHtml(String markdown) {
        String html = HTML.render(PARSER.parse(markdown == null ? "" : markdown));
        Document doc = Jsoup.parseBodyFragment(Jsoup.clean(html, SAFE));
        for (Element h2 : doc.select("h2")) {
            h2.attr("id", NotesReader.slug(h2.text()));
        }
        for (Element a : doc.select("a[href^=http]")) {
            a.attr("target", "_blank").attr("rel", "noopener noreferrer");
        }
        return doc.body().html();
    }
}
