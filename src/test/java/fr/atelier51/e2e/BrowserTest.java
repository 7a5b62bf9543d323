package fr.atelier51.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import fr.atelier51.account.service.DemoAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests in the system's headless Chromium against the app on a random port, in the dev profile's
 * shape (demo accounts on). Playwright never downloads a browser: it drives /usr/bin/chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "atelier51.demo-data=true")
@ActiveProfiles("test")
public abstract class BrowserTest {

    static final Path CHROMIUM = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    private BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium introuvable à " + CHROMIUM
                    + " : installez-le (apt-get install chromium) ou donnez -Dchromium.path=...");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /** A separate browser profile (cookies, session): another person at another computer. */
    protected BrowserContext newContext() {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
        ctx.setDefaultTimeout(30_000);
        return ctx;
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Signs in through the real login form. */
    protected static void login(Page page, String baseUrl, String email, String password) {
        page.navigate(baseUrl + "login");
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form button[type=submit]").first().click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    /** Keeps a picture of the page under target/screenshots, to look at what a person saw. */
    protected static void snapshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png")).setFullPage(true));
    }

    protected String baseUrl() {
        return url("");
    }

    /** HTTP Basic header of the demo project's owner, for scripted API calls beside the browsers. */
    protected static String demoOwnerBasicAuth() {
        DemoAccounts.DemoAccount claire = DemoAccounts.ACCOUNTS.get(0);
        return "Basic " + Base64.getEncoder().encodeToString((claire.email() + ":" + DemoAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a section through the JSON API from version 0, as a script would. */
    protected void putSection(long projectId, String key, String text) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("api/projects/" + projectId + "/letter/sections/" + key)))
                .header("Authorization", demoOwnerBasicAuth()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"baseVersion\":0,\"text\":\"" + text.replace("\n", "\\n") + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The id of the demo project (the owner's first project). */
    protected long demoProjectId() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("api/projects")))
                .header("Authorization", demoOwnerBasicAuth()).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
