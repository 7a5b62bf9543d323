package fr.atelier51.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark harness (not a test): opens N real browser sessions that sign in and rest on the project list, then
 * reads the server's heap after a full GC. Run by src/bench/sessions-heap.sh, which starts the app.
 * Arguments: baseUrl pid sessions email password
 */
public final class IdleSessionsHeap {

    private IdleSessionsHeap() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String pid = args[1];
        int sessions = Integer.parseInt(args[2]);
        String email = args[3];
        String password = args[4];

        long before = heapUsedAfterGc(pid);
        System.out.printf("heap used after start + GC: %.1f MB%n", before / 1e6);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking")));
            List<BrowserContext> open = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                BrowserContext context = browser.newContext();
                Page page = context.newPage();
                page.navigate(baseUrl + "login");
                page.locator("vaadin-login-form input[name=username]").fill(email);
                page.locator("vaadin-login-form input[name=password]").fill(password);
                page.locator("vaadin-login-form vaadin-button[slot=submit], vaadin-login-form button[type=submit]").first().click();
                page.waitForURL(u -> !u.contains("/login"));
                page.locator("#projects-grid").waitFor();
                open.add(context);
            }
            long after = heapUsedAfterGc(pid);
            System.out.printf("heap used with %d signed-in idle sessions + GC: %.1f MB (%.2f MB per session)%n",
                    sessions, after / 1e6, (after - before) / 1e6 / sessions);
            open.forEach(BrowserContext::close);
            browser.close();
        }
    }

    /** Full GC then the heap's used bytes, read with jcmd from the running app. */
    private static long heapUsedAfterGc(String pid) throws Exception {
        run("jcmd", pid, "GC.run");
        String info = run("jcmd", pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected jcmd output: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String run(String... command) throws Exception {
        String javaHome = System.getProperty("java.home");
        command[0] = Paths.get(javaHome, "bin", command[0]).toString();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            r.lines().forEach(l -> out.append(l).append('\n'));
        }
        p.waitFor();
        return out.toString();
    }
}
