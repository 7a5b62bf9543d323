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
 * {@code [seconds] [browsers] [warm-up seconds]} (defaults 30, 5 and 15), and {@code -Dbench.url=http://host:port/} to
 * measure an app already running (the production jar: see src/bench/co-editing.sh --production).
 */
public final class BrowserLatencyBench {

    private static final String EDITOR = "a51-section-editor";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int browsers = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // Typing before the measure: the server's JIT and the pages settle (a server runs for days, not 30 s).
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        // -Dbench.url=http://host:port/ measures an app already running (e.g. the production jar with the dev
        // profile's demo data); otherwise the app starts here in development mode.
        String external = System.getProperty("bench.url");
        ConfigurableApplicationContext ctx = external != null ? null : startInDevelopmentMode();
        String base = external != null ? external
                : "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port") + "/";
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
                // Event log for the breakdown: sync sent / answered, push received (held when a sync is in flight).
                page.evaluate("() => { const e = document.querySelector('" + EDITOR + "'); window.__log = [];"
                        + " const srv = e.$server; const sync = srv.sync.bind(srv);"
                        + " srv.sync = (j) => { window.__log.push(['send', Date.now()]); return sync(j).then((a) => {"
                        + " window.__log.push(['answer', Date.now()]); return a; }); };"
                        + " const push = e.push.bind(e);"
                        + " e.push = (j) => { window.__log.push([e.awaitingSeq >= 0 ? 'held' : 'push', Date.now()]); push(j); }; }");
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
            long measureFrom = System.currentTimeMillis() + warmUp * 1000L;
            long end = measureFrom + seconds * 1000L;
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
                        if (System.currentTimeMillis() >= measureFrom) {
                            pressed.put(word, System.currentTimeMillis());
                            author.put(word, i);
                        }
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
            breakdown(pages, pressed, author, seenBy);
            fromPress.sort(Long::compare);
            String first = (String) pages.get(0).evaluate("() => document.querySelector('" + EDITOR + "').text");
            int same = 0;
            for (Page p : pages) {
                if (first.equals(p.evaluate("() => document.querySelector('" + EDITOR + "').text"))) {
                    same++;
                }
            }
            latencies.sort(Long::compare);
            System.out.printf("Browsers: %d Chromium contexts, %d s measured after %d s of warm-up, %d words typed, %d peer"
                    + " displays measured (app: %s)%n", browsers, seconds, warmUp, pressed.size(), latencies.size(),
                    external != null ? external : "development mode, in this JVM");
            System.out.printf("keystroke-to-peer-display latency (from the author's page showing the word): p50 %d ms,"
                    + " p95 %d ms, max %d ms; never shown: %d; pages with the same final text: %d of %d%n",
                    pct(latencies, 50), pct(latencies, 95), latencies.isEmpty() ? 0 : latencies.getLast(), missing, same,
                    browsers);
            System.out.printf("  from the harness pressing the key (adds Playwright's delivery): p50 %d ms, p95 %d ms%n",
                    pct(fromPress, 50), pct(fromPress, 95));
            browser.close();
        } finally {
            if (ctx != null) {
                ctx.close();
            }
        }
    }

    private static ConfigurableApplicationContext startInDevelopmentMode() throws java.io.IOException {
        Path data = Files.createTempDirectory("a51-browser-bench");
        // A system property: the builder's properties are defaults, which application.properties (./data) overrides —
        // the runs then shared one database across runs.
        System.setProperty("atelier51.data-dir", data.toString());
        return new SpringApplicationBuilder(Application.class).profiles("dev")
                .properties("server.port=0", "atelier51.data-dir=" + data, "atelier51.knowledge.build-on-start=false",
                        "spring.main.banner-mode=off", "logging.level.root=warn", "vaadin.launch-browser=false")
                .run();
    }

    /**
     * Where a word's latency goes, from each page's event log: the author's wait before its sync leaves (typing
     * batch, or a message already in flight), the author's round trip, and at the peer whether the word came by a
     * push taken at once, a push held behind the peer's own message, or the peer's own answer.
     */
    @SuppressWarnings("unchecked")
    private static void breakdown(List<Page> pages, Map<String, Long> pressed, Map<String, Integer> author,
                                  List<Map<String, Object>> seenBy) {
        List<List<long[]>> logs = new ArrayList<>(); // {kind 0 send 1 answer 2 push 3 held, time}
        for (Page page : pages) {
            List<long[]> log = new ArrayList<>();
            for (Object o : (List<Object>) page.evaluate("() => window.__log")) {
                List<Object> e = (List<Object>) o;
                String kind = (String) e.get(0);
                log.add(new long[]{switch (kind) { case "send" -> 0; case "answer" -> 1; case "push" -> 2; default -> 3; },
                        ((Number) e.get(1)).longValue()});
            }
            logs.add(log);
        }
        List<Long> wait = new ArrayList<>();
        List<Long> trip = new ArrayList<>();
        List<Long> sendToPeer = new ArrayList<>();
        Map<String, List<Long>> byWay = new HashMap<>();
        for (Map.Entry<String, Long> w : pressed.entrySet()) {
            int a = author.get(w.getKey());
            Object shown = seenBy.get(a).get(w.getKey());
            if (shown == null) {
                continue;
            }
            long t0 = ((Number) shown).longValue();
            long[] send = null;
            long[] answer = null;
            for (long[] e : logs.get(a)) {
                if (send == null && e[0] == 0 && e[1] >= t0) {
                    send = e;
                } else if (send != null && e[0] == 1) {
                    answer = e;
                    break;
                }
            }
            if (send == null) {
                continue;
            }
            wait.add(send[1] - t0);
            if (answer != null) {
                trip.add(answer[1] - send[1]);
            }
            for (int p = 0; p < pages.size(); p++) {
                Object at = p == a ? null : seenBy.get(p).get(w.getKey());
                if (at == null) {
                    continue;
                }
                long t4 = ((Number) at).longValue();
                sendToPeer.add(t4 - send[1]);
                long[] last = null;
                for (long[] e : logs.get(p)) {
                    if (e[1] > t4) {
                        break;
                    }
                    if (e[0] != 0) {
                        last = e;
                    }
                }
                String way = last == null ? "?" : last[0] == 2 ? "push taken at once" : last[0] == 1 ? "own answer (held push or merged)" : "held push";
                byWay.computeIfAbsent(way, k -> new ArrayList<>()).add(t4 - t0);
            }
        }
        wait.sort(Long::compare);
        trip.sort(Long::compare);
        sendToPeer.sort(Long::compare);
        System.out.printf("breakdown: author's wait before sending p50 %d / p95 %d ms; author's round trip p50 %d / p95 %d ms;"
                + " author's send to peer display p50 %d / p95 %d ms%n", pct(wait, 50), pct(wait, 95), pct(trip, 50),
                pct(trip, 95), pct(sendToPeer, 50), pct(sendToPeer, 95));
        byWay.forEach((way, list) -> {
            list.sort(Long::compare);
            System.out.printf("  reached the peer by %s: %d displays, latency p50 %d / p95 %d ms%n", way, list.size(),
                    pct(list, 50), pct(list, 95));
        });
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
