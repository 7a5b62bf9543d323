package fr.atelier51.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import fr.atelier51.Application;
import fr.atelier51.account.service.DemoAccounts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real browsers: the app (dev profile) in this JVM, 5 headless Chromium contexts signed in (the demo holder and the
 * demo coach) on the same section, each typing about 5 characters per second on its own line. Every word typed ends
 * with a marker letter; the time it first shows in its author's editor is compared with the time it appears in each
 * other page's editor (a MutationObserver on each editor's content, same machine clock) → keystroke-to-peer-display
 * latency; also printed from the moment the harness presses the key, which adds Playwright's own delivery.
 *
 * <p>Usage: {@code src/bench/co-editing.sh} (runs it after the engine benchmark), or this main with
 * {@code [seconds] [browsers]} (defaults 30 and 5).
 */
public final class BrowserLatencyBench {

    private static final String EDITOR = "a51-section-editor";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int browsers = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path data = Files.createTempDirectory("a51-browser-bench");
        // A system property: the builder's properties are defaults, which application.properties (./data) overrides —
        // the runs then shared one database across runs.
        System.setProperty("atelier51.data-dir", data.toString());
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class).profiles("dev")
                .properties("server.port=0", "atelier51.data-dir=" + data, "atelier51.knowledge.build-on-start=false",
                        "spring.main.banner-mode=off", "logging.level.root=warn", "vaadin.launch-browser=false")
                .run();
        String base = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port") + "/";
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"))).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking")));
            long projectId = projectId(base);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < browsers; i++) {
                lines.append("Ligne ").append(i).append(" :").append(i < browsers - 1 ? "\\n" : "");
            }
            put(base, projectId, "contexte", lines.toString());
            List<Page> pages = new ArrayList<>();
            for (int i = 0; i < browsers; i++) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
                context.setDefaultTimeout(60_000);
                Page page = context.newPage();
                DemoAccounts.DemoAccount who = DemoAccounts.ACCOUNTS.get(i % 2 == 0 ? 0 : 2); // holder, coach
                login(page, base, who.email());
                page.navigate(base + "projects/" + projectId + "/letter?section=contexte");
                page.waitForFunction("() => { const e = document.querySelector('" + EDITOR + "');"
                        + " return e && e.getAttribute('state') === 'saved' && e.text.includes('Ligne " + (browsers - 1) + "'); }");
                // First time each marked word is displayed in this page.
                page.evaluate("() => { const e = document.querySelector('" + EDITOR + "'); window.__seen = {};"
                        + " const look = () => { const now = Date.now(); for (const w of e.text.match(/k\\d+x\\d+q/g) || [])"
                        + " if (!(w in window.__seen)) window.__seen[w] = now; };"
                        + " new MutationObserver(look).observe(e.querySelector('.cm-content'), {subtree: true, childList: true, characterData: true}); }");
                pages.add(page);
            }
            for (int i = 0; i < browsers; i++) {
                Page page = pages.get(i);
                page.locator(EDITOR + " .cm-line").nth(i).click();
                page.keyboard().press("End");
            }
            // Round robin: each page gets a key every 200 ms (5 characters per second each).
            Map<String, Long> pressed = new HashMap<>();
            Map<String, Integer> author = new HashMap<>();
            int[] counters = new int[browsers];
            String[] pending = new String[browsers];
            long end = System.currentTimeMillis() + seconds * 1000L;
            long slot = 200 / browsers;
            while (System.currentTimeMillis() < end) {
                for (int i = 0; i < browsers; i++) {
                    long t = System.currentTimeMillis();
                    if (pending[i] == null || pending[i].isEmpty()) {
                        pending[i] = " k" + i + "x" + (counters[i]++) + "q";
                    }
                    String key = pending[i].substring(0, 1);
                    pending[i] = pending[i].substring(1);
                    if (pending[i].isEmpty()) {
                        String word = "k" + i + "x" + (counters[i] - 1) + "q";
                        pressed.put(word, System.currentTimeMillis());
                        author.put(word, i);
                    }
                    pages.get(i).keyboard().type(key);
                    long rest = slot - (System.currentTimeMillis() - t);
                    if (rest > 0) {
                        Thread.sleep(rest);
                    }
                }
            }
            Thread.sleep(3000); // the last words travel
            // Two clocks for the start: the author's page showing its own word (the keystroke as the page took it),
            // and the harness pressing the key (which adds Playwright's delivery of the key to a busy browser).
            List<Long> latencies = new ArrayList<>();
            List<Long> fromPress = new ArrayList<>();
            int missing = 0;
            List<Map<String, Object>> seenBy = new ArrayList<>();
            for (Page page : pages) {
                @SuppressWarnings("unchecked")
                Map<String, Object> seen = (Map<String, Object>) page.evaluate("() => window.__seen");
                seenBy.add(seen);
            }
            for (int i = 0; i < browsers; i++) {
                Map<String, Object> seen = seenBy.get(i);
                for (Map.Entry<String, Long> w : pressed.entrySet()) {
                    if (author.get(w.getKey()) == i) {
                        continue;
                    }
                    Object at = seen.get(w.getKey());
                    Object typed = seenBy.get(author.get(w.getKey())).get(w.getKey());
                    if (at == null) {
                        missing++;
                    } else {
                        fromPress.add(((Number) at).longValue() - w.getValue());
                        if (typed != null) {
                            latencies.add(((Number) at).longValue() - ((Number) typed).longValue());
                        }
                    }
                }
            }
            fromPress.sort(Long::compare);
            String first = (String) pages.get(0).evaluate("() => document.querySelector('" + EDITOR + "').text");
            int same = 0;
            for (Page p : pages) {
                if (first.equals(p.evaluate("() => document.querySelector('" + EDITOR + "').text"))) {
                    same++;
                }
            }
            latencies.sort(Long::compare);
            System.out.printf("Browsers: %d Chromium contexts, %d s, %d words typed, %d peer displays measured%n",
                    browsers, seconds, pressed.size(), latencies.size());
            System.out.printf("keystroke-to-peer-display latency (from the author's page showing the word): p50 %d ms,"
                    + " p95 %d ms, max %d ms; never shown: %d; pages with the same final text: %d of %d%n",
                    pct(latencies, 50), pct(latencies, 95), latencies.isEmpty() ? 0 : latencies.getLast(), missing, same,
                    browsers);
            System.out.printf("  from the harness pressing the key (adds Playwright's delivery): p50 %d ms, p95 %d ms%n",
                    pct(fromPress, 50), pct(fromPress, 95));
            browser.close();
        } finally {
            ctx.close();
        }
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }

    private static void login(Page page, String base, String email) {
        page.navigate(base + "login");
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(DemoAccounts.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form button[type=submit]").first().click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((DemoAccounts.ACCOUNTS.get(0).email() + ":"
                + DemoAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static long projectId(String base) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/projects"))
                .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(body);
        }
        return Long.parseLong(m.group(1));
    }

    private static void put(String base, long projectId, String key, String jsonText) throws Exception {
        String current = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/projects/" + projectId + "/letter"))
                .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString()).body();
        long version = 0;
        for (JsonNode section : JsonMapper.builder().build().readTree(current).get("sections")) {
            if (section.get("key").asString().equals(key)) {
                version = section.get("version").asLong();
            }
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "api/projects/" + projectId + "/letter/sections/" + key))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"baseVersion\":" + version + ",\"text\":\"" + jsonText + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.body());
        }
    }
}
