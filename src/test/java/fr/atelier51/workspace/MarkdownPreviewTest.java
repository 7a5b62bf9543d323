package fr.atelier51.workspace;

import fr.atelier51.workspace.service.MarkdownPreview;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The section preview renders Markdown-light and nothing a writer could smuggle in. */
class MarkdownPreviewTest {

    @Test
    void paragraphsListsEmphasisAndLinksRender() {
        String html = MarkdownPreview.toHtml("Un **parcours** _coordonné_.\n\n- sortie\n- suivi\n\n1. appel\n2. visite\n\n"
                + "Voir [le décret](https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037284442).");
        assertThat(html).contains("<strong>parcours</strong>", "<em>coordonné</em>", "<ul>", "<li>sortie</li>",
                "<ol>", "<li>appel</li>",
                "<a href=\"https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000037284442\" rel=\"nofollow\">le décret</a>");
    }

    @Test
    void rawHtmlAndDangerousLinksAreNeutralised() {
        String html = MarkdownPreview.toHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
                + "[clic](javascript:alert(1)) [image](data:text/html;base64,PHNjcmlwdD4=) <b onclick=\"x()\">gras</b>");
        // What was typed shows as text; no element, attribute or link target survives.
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "clic", "image");
        var doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, img, b, iframe")).isEmpty();
        assertThat(doc.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on") || a.getKey().equals("href")));
        assertThat(html).doesNotContain("javascript:", "data:");
    }

    @Test
    void emptyTextGivesNothing() {
        assertThat(MarkdownPreview.toHtml("")).isEmpty();
        assertThat(MarkdownPreview.toHtml(null)).isEmpty();
    }
}
