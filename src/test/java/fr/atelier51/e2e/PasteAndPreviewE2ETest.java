package fr.atelier51.e2e;

import com.microsoft.playwright.Locator;
import fr.atelier51.account.service.DemoAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paste from Word and the preview, in real Chromium: a paste event carrying the HTML Word puts on the clipboard
 * (styles, mso- markup, conditional comments, an image) lands in the section as Markdown-light, reaches the server,
 * and the preview renders it; a web page's HTML (Google Docs' wrapper, nested list) pastes the same way.
 */
class PasteAndPreviewE2ETest extends BrowserTest {

    private static final String EDITOR = "a51-section-editor";

    /** What Word 365 (Windows, French) puts on the clipboard for a heading, a paragraph, two lists and an image. */
    static final String WORD_HTML = """
            <html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
            xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
            <head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
            <meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
            <!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
            <style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}
            @list l0:level1 {mso-level-number-format:bullet; mso-level-text:\\F0B7;} --></style></head>
            <body lang=FR style='tab-interval:35.4pt;word-wrap:break-word'>
            <!--StartFragment-->
            <p class=MsoNormal><b style='mso-bidi-font-weight:normal'><span style='font-size:12.0pt;line-height:107%'>Impacts
            attendus</span></b><o:p></o:p></p>
            <p class=MsoNormal><span style='mso-ansi-language:FR'>Pour les usagers&nbsp;: <i style='mso-bidi-font-style:normal'>moins</i>
            de réhospitalisations, voir <a href="https://www.has-sante.fr/">la HAS</a>.</span><o:p></o:p></p>
            <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
            style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span
            style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>moins
            de passages aux urgences<o:p></o:p></p>
            <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
            style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
            </span></span></span><![endif]>un retour à domicile <b>plus sûr</b><o:p></o:p></p>
            <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
            style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>appel
            à J+2<o:p></o:p></p>
            <p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l1 level2 lfo2'><![if !supportLists]><span
            style='mso-list:Ignore'>a.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>par
            l’infirmière<o:p></o:p></p>
            <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span
            style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>visite
            à J+7<o:p></o:p></p>
            <p class=MsoNormal><span style='mso-no-proof:yes'><!--[if gte vml 1]><v:shape id="Image_x0020_1" type="#_x0000_t75"
            style='width:20pt;height:20pt'><v:imagedata src="file:///C:/Users/claire/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"
            o:title=""/></v:shape><![endif]--><![if !vml]><img width=27 height=27
            src="file:///C:/Users/claire/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" v:shapes="Image_x0020_1"><![endif]></span><o:p>&nbsp;</o:p></p>
            <!--EndFragment-->
            </body></html>
            """;

    static final String WORD_MARKDOWN = """
            **Impacts attendus**

            Pour les usagers : _moins_ de réhospitalisations, voir [la HAS](https://www.has-sante.fr/).

            - moins de passages aux urgences
            - un retour à domicile **plus sûr**

            1. appel à J+2
               1. par l’infirmière
            2. visite à J+7""";

    /** A web page (Google Docs wraps everything in a bold tag that is not bold) with a nested list and a script. */
    static final String WEB_HTML = """
            <meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><p dir="ltr"
            style="line-height:1.38;margin-top:0pt"><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:700;">Suivi</span><span
            style="font-size:11pt;font-weight:400;"> à domicile</span></p><ul><li><p>un <em>relais</em></p><ul><li>pharmacien</li></ul></li>
            <li><a href="javascript:alert(1)">lien piégé</a></li></ul><script>alert(1)</script></b>""";

    static final String WEB_MARKDOWN = """
            **Suivi** à domicile

            - un _relais_
               - pharmacien
            - lien piégé""";

    @Test
    void wordAndWebPastesBecomeMarkdownLightAndThePreviewRendersThem() throws Exception {
        DemoAccounts.DemoAccount claire = DemoAccounts.ACCOUNTS.get(0);
        long projectId = demoProjectId(claire);
        login(page, baseUrl(), claire.email(), DemoAccounts.PASSWORD);
        page.navigate(url("projects/" + projectId + "/letter?section=impacts"));
        Locator editor = page.locator(EDITOR);
        assertThat(editor).hasAttribute("state", "saved");

        page.locator(EDITOR + " .cm-content").click();
        page.keyboard().press("Control+A");
        paste(WORD_HTML, "Impacts attendus (texte brut)");
        assertThat(editor).hasAttribute("state", "saved");
        assertThat(serverText(claire, projectId, "impacts")).isEqualTo(WORD_MARKDOWN);

        // Pasted after the text of the last line: the new blocks start after a blank line.
        page.keyboard().press("Control+End");
        paste(WEB_HTML, "Suivi à domicile");
        assertThat(editor).hasAttribute("state", "saved");
        assertThat(serverText(claire, projectId, "impacts")).isEqualTo(WORD_MARKDOWN + "\n\n" + WEB_MARKDOWN);

        page.locator("#preview-toggle").click();
        Locator preview = page.locator("#letter-preview");
        assertThat(preview.locator("p strong").first()).hasText("Impacts attendus");
        assertThat(preview.locator("em").first()).hasText("moins");
        assertThat(preview.locator("a[href='https://www.has-sante.fr/']")).hasText("la HAS");
        assertThat(preview.locator(":scope > div > ul").first().locator(":scope > li")).hasCount(2);
        assertThat(preview.locator(":scope > div > ol > li")).hasCount(2);
        assertThat(preview.locator("ol > li ol > li")).hasText("par l’infirmière");
        assertThat(preview.locator("script, img")).hasCount(0);
        assertThat(preview.locator("a[href^='javascript']")).hasCount(0);
        snapshot(page, "paste-and-preview");

        // The preview follows typing.
        page.locator(EDITOR + " .cm-content").click();
        page.keyboard().press("Control+End");
        page.keyboard().type(" et **vite**");
        assertThat(preview.locator("strong", new Locator.LocatorOptions().setHasText("vite"))).isVisible();
        assertThat(editor).hasAttribute("state", "saved");

        // The section's history: Claire's editing session, and what it changed when ticked.
        page.locator("#history-link").click();
        page.waitForURL(u -> u.contains("/letter/history"));
        Locator session = page.locator(".history-session").first();
        assertThat(session).containsText("Claire Martin");
        assertThat(session).containsText("saisie");
        session.locator("vaadin-checkbox").click();
        assertThat(page.locator("#history-diff ins").first()).isVisible();
        assertThat(page.locator("#history-diff")).containsText("Impacts attendus");
        snapshot(page, "history-diff");
    }

    /** The paste event a browser fires for Ctrl+V, with Word's two clipboard flavours. */
    private void paste(String html, String plain) {
        page.locator(EDITOR + " .cm-content").evaluate("""
                (el, data) => {
                  const dt = new DataTransfer();
                  dt.setData('text/html', data.html);
                  dt.setData('text/plain', data.plain);
                  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
                }""", Map.of("html", html, "plain", plain));
    }

    private String serverText(DemoAccounts.DemoAccount who, long projectId, String key) throws Exception {
        JsonNode letter = JsonMapper.builder().build().readTree(get(who, "api/projects/" + projectId + "/letter"));
        for (JsonNode s : letter.get("sections")) {
            if (s.get("key").asString().equals(key)) {
                return s.get("text").asString();
            }
        }
        throw new AssertionError("no section " + key);
    }

    private long demoProjectId(DemoAccounts.DemoAccount who) throws Exception {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(get(who, "api/projects"));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String get(DemoAccounts.DemoAccount who, String path) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((who.email() + ":" + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
