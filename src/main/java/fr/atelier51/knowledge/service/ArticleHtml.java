package fr.atelier51.knowledge.service;

import fr.atelier51.knowledge.domain.ArticleRefs;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes an article's LEGI HTML safe to show, turns its references into links and marks the query terms. */
final class ArticleHtml {

    private static final Pattern ID_ARTICLE = Pattern.compile("idArticle=(LEGIARTI\\d+)");
    private static final Safelist SAFE = Safelist.relaxed().removeTags("img").addAttributes("a", "class", "target", "rel");

    private ArticleHtml() {
    }

    /**
     * @param linkOfLegiId our path for a LEGIARTI id, if we have that article
     * @param linkOfRef    our path for a normalised reference in the same code, if we have it
     * @param queryTerms   analysed terms of the query to mark (may be empty)
     */
    static String render(String html, Function<String, Optional<String>> linkOfLegiId,
                         Function<String, Optional<String>> linkOfRef, Analyzer analyzer, Set<String> queryTerms) {
        String clean = Jsoup.clean(html == null ? "" : html, "https://www.legifrance.gouv.fr", SAFE);
        Document doc = Jsoup.parseBodyFragment(clean);
        for (Element a : doc.select("a")) {
            String href = a.attr("href");
            Matcher m = ID_ARTICLE.matcher(href);
            if (m.find()) {
                String id = m.group(1);
                Optional<String> ours = linkOfLegiId.apply(id);
                if (ours.isPresent()) {
                    a.attr("href", ours.get()).addClass("ref-internal");
                    a.removeAttr("target");
                } else {
                    a.attr("href", "https://www.legifrance.gouv.fr/codes/article_lc/" + id)
                            .attr("target", "_blank").attr("rel", "noopener noreferrer").addClass("ref-external");
                }
            } else {
                a.unwrap(); // old Légifrance search links that no longer work
            }
        }
        for (TextNode text : textNodes(doc.body())) {
            if (text.parent() instanceof Element p && p.closest("a") != null) {
                continue;
            }
            linkPlainReferences(text, linkOfRef);
        }
        if (!queryTerms.isEmpty()) {
            for (TextNode text : textNodes(doc.body())) {
                mark(text, analyzer, queryTerms);
            }
        }
        return doc.body().html();
    }

    private static List<TextNode> textNodes(Element root) {
        List<TextNode> nodes = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank()) {
                nodes.add(t);
            }
        });
        return nodes;
    }

    private static void linkPlainReferences(TextNode text, Function<String, Optional<String>> linkOfRef) {
        String s = text.getWholeText();
        List<ArticleRefs.Span> spans = ArticleRefs.spansInText(s);
        if (spans.isEmpty()) {
            return;
        }
        List<Node> replacement = new ArrayList<>();
        int pos = 0;
        for (ArticleRefs.Span span : spans) {
            Optional<String> link = linkOfRef.apply(span.ref());
            if (link.isEmpty()) {
                continue;
            }
            replacement.add(new TextNode(s.substring(pos, span.start())));
            Element a = new Element("a").attr("href", link.get()).addClass("ref-internal").text(s.substring(span.start(), span.end()));
            replacement.add(a);
            pos = span.end();
        }
        if (replacement.isEmpty()) {
            return;
        }
        replacement.add(new TextNode(s.substring(pos)));
        replace(text, replacement);
    }

    private static void mark(TextNode text, Analyzer analyzer, Set<String> queryTerms) {
        String s = text.getWholeText();
        List<int[]> hits = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(KnowledgeFields.TEXT, s)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (queryTerms.contains(term.toString())) {
                    hits.add(new int[]{offset.startOffset(), offset.endOffset()});
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (hits.isEmpty()) {
            return;
        }
        List<Node> replacement = new ArrayList<>();
        int pos = 0;
        for (int[] h : hits) {
            if (h[0] < pos) {
                continue;
            }
            replacement.add(new TextNode(s.substring(pos, h[0])));
            replacement.add(new Element("mark").text(s.substring(h[0], h[1])));
            pos = h[1];
        }
        replacement.add(new TextNode(s.substring(pos)));
        replace(text, replacement);
    }

    private static void replace(TextNode text, List<Node> nodes) {
        Node anchor = text;
        for (Node n : nodes) {
            anchor.after(n);
            anchor = n;
        }
        text.remove();
    }
}
