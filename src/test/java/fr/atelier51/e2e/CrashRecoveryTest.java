package fr.atelier51.e2e;

import fr.atelier51.account.service.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety: the real app runs as a separate process on its own H2 file database; a script writes a section
 * through the JSON API as fast as it can; the process is killed (SIGKILL, no shutdown hook) in the middle of that;
 * restarted on the same data directory, the section holds every edit that had been acknowledged.
 */
class CrashRecoveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedEditSurvivesAKill9() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "crash-test")).resolve("run-" + System.nanoTime());
        int port = freePort();
        app = start(data, port, "first");
        long projectId = demoProjectId(port);

        // A script appends words, each PUT from the version the previous answer gave; another thread kills the app.
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        String lastText = null;
        long version = currentVersion(port, projectId);
        Thread killer = new Thread(() -> {
            try {
                while (acknowledged.size() < 30) { // warmed up, then at a random moment of the writing
                    TimeUnit.MILLISECONDS.sleep(1);
                }
                TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(50));
            } catch (InterruptedException e) {
                return;
            }
            app.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
        });
        killer.start();
        for (int i = 0; ; i++) {
            String text = (lastText == null ? "" : lastText + " ") + "mot" + i;
            HttpResponse<String> response;
            try {
                response = put(port, projectId, version, text);
            } catch (IOException e) {
                break; // the process died mid-request: that edit was never acknowledged
            }
            if (response.statusCode() != 200) {
                break;
            }
            acknowledged.add("mot" + i);
            JsonNode answer = JSON.readTree(response.body());
            lastText = answer.get("text").asString();
            version = answer.get("version").asLong();
        }
        killer.join();
        app.waitFor(30, TimeUnit.SECONDS);
        assertThat(acknowledged).as("edits acknowledged before the kill").hasSizeGreaterThanOrEqualTo(30);

        app = start(data, port, "restarted");
        JsonNode section = contexte(port, projectId);
        String after = section.get("text").asString();
        long versionAfter = section.get("version").asLong();
        assertThat(versionAfter).as("no acknowledged version lost").isGreaterThanOrEqualTo(version);
        // The last acknowledged text, whole; at most the one write in flight at the kill came after it.
        assertThat(after).startsWith(lastText);
        assertThat(List.of(after.split(" "))).containsAll(acknowledged);
    }

    private Process start(Path data, int port, String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = data.resolveSibling(data.getFileName() + "-" + name + ".log");
        Files.createDirectories(data);
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "fr.atelier51.Application", "--spring.profiles.active=dev", "--server.port=" + port,
                "--atelier51.data-dir=" + data.toAbsolutePath(), "--atelier51.knowledge.build-on-start=false",
                "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            assertThat(p.isAlive()).as("the app runs (see %s)", log).isTrue();
            assertThat(System.nanoTime()).as("the app starts within %s (see %s)", START_TIMEOUT, log).isLessThan(deadline);
            try {
                if (get(port, "actuator/health/readiness").statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private long demoProjectId(int port) throws Exception {
        String body = get(port, "api/projects").body();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long currentVersion(int port, long projectId) throws Exception {
        return contexte(port, projectId).get("version").asLong();
    }

    private JsonNode contexte(int port, long projectId) throws Exception {
        for (JsonNode section : JSON.readTree(get(port, "api/projects/" + projectId + "/letter").body()).get("sections")) {
            if (section.get("key").asString().equals("contexte")) {
                return section;
            }
        }
        throw new AssertionError("no contexte section");
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path))
                .header("Authorization", basic()).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(int port, long projectId, long base, String text) throws IOException, InterruptedException {
        String json = "{\"baseVersion\":" + base + ",\"text\":\"" + text + "\"}";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/projects/" + projectId
                        + "/letter/sections/contexte")).header("Authorization", basic()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }


    private static String basic() {
        DemoAccounts.DemoAccount claire = DemoAccounts.ACCOUNTS.get(0);
        return "Basic " + Base64.getEncoder().encodeToString((claire.email() + ":" + DemoAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
