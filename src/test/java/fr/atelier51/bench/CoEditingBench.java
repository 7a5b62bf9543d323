package fr.atelier51.bench;

import fr.atelier51.Application;
import fr.atelier51.account.service.DemoAccounts;
import fr.atelier51.workspace.SyncClient;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.LiveSection;
import fr.atelier51.workspace.service.SectionState;
import fr.atelier51.workspace.service.SyncRequest;
import fr.atelier51.workspace.service.SyncResponse;
import fr.atelier51.workspace.service.TextOps;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sync engine alone, as in the app (LetterService, LiveSection, JdbcChangeLog on an H2 file database with
 * WRITE_DELAY=0 — every change persisted before its acknowledgement), with simulated editors on one section: each
 * types about 5 characters per second at the end of its own paragraph, syncs 10 ms after a keystroke or at once when
 * poked, one message in flight at a time, 10 ms network latency each way — the browser's rhythm — and takes the
 * server's pushes as the browser does (one at a time in arrival order; held while a message is in flight, then taken
 * if they follow on from its answer; a refused one makes it sync). Server requests run
 * on 4 threads ({@code --server-threads}; Tomcat has up to 200, but on 2 cores more threads mostly queue on the
 * section). Prints the server time per sync (p50/p95/p99: lock, merge, and for a sync carrying
 * edits the wait for their commit), separately p95/p99 of the syncs carrying edits (the acknowledgement latency of
 * typing), throughput, heap, and the
 * divergence / loss count after everyone stops typing and syncs (must be 0).
 *
 * <p>Usage: {@code src/bench/co-editing.sh [--seconds 60] [--editors 10,50,200]}
 */
public final class CoEditingBench {

    private static final long LATENCY_MS = 10;
    private static final long DEBOUNCE_MS = 10; // TYPING_BATCH_MS of a51-section-editor.ts
    private static final long KEYSTROKE_MS = 200; // 5 characters per second

    static int serverThreads = 4;

    public static void main(String[] args) throws Exception {
        int seconds = 60;
        int[] sizes = {10, 50, 200};
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--server-threads")) {
                serverThreads = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--editors")) {
                sizes = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
            }
        }
        Path data = Files.createTempDirectory("a51-coediting-bench");
        // A system property: the builder's properties are defaults, which application.properties (./data) overrides —
        // the runs then shared one database across runs.
        System.setProperty("atelier51.data-dir", data.toString());
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
                .profiles("dev") // the whole app (its security needs the web stack), on a random port, unused
                .properties("server.port=0", "atelier51.data-dir=" + data, "atelier51.demo-data=true",
                        "atelier51.knowledge.build-on-start=false", "spring.main.banner-mode=off", "logging.level.root=warn")
                .run();
        try {
            LetterService letters = ctx.getBean(LetterService.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    DemoAccounts.ACCOUNTS.get(0).email(), null, List.of()));
            long projectId = jdbc.queryForObject("select min(id) from project", Long.class);
            SectionKey[] keys = {SectionKey.CONTEXTE, SectionKey.OBJECTIFS, SectionKey.DESCRIPTION, SectionKey.POPULATION,
                    SectionKey.EVALUATION};
            System.out.printf("Co-editing engine: %d s per run, %d cores, H2 file database in %s%n", seconds,
                    Runtime.getRuntime().availableProcessors(), data);
            System.out.printf("%8s %8s %9s %8s %8s %8s %8s %8s %9s %8s %10s %6s%n", "editors", "syncs", "syncs/s",
                    "p50 ms", "p95 ms", "p99 ms", "max ms", "changes", "text", "heap MB", "divergent", "lost");
            for (int i = 0; i < sizes.length; i++) {
                new Run(letters, jdbc, projectId, keys[i % keys.length], sizes[i], seconds).execute();
            }
        } finally {
            ctx.close();
        }
    }

    /** One measurement: n editors on one section. */
    private static final class Run {
        final LetterService letters;
        final JdbcTemplate jdbc;
        final long projectId;
        final SectionKey key;
        final int n;
        final int seconds;
        final ScheduledThreadPoolExecutor network = new ScheduledThreadPoolExecutor(1);
        final java.util.concurrent.ExecutorService server = java.util.concurrent.Executors.newFixedThreadPool(serverThreads);
        final ScheduledThreadPoolExecutor browsers = new ScheduledThreadPoolExecutor(2);
        final List<Editor> editors = new ArrayList<>();
        long[] times = new long[1 << 16];
        int count;
        long[] editTimes = new long[1 << 14];
        int editCount;
        final AtomicInteger rejoins = new AtomicInteger();
        final AtomicInteger pushesTaken = new AtomicInteger();
        final AtomicInteger pushesIgnored = new AtomicInteger();
        final AtomicInteger pushesHeld = new AtomicInteger();
        final AtomicInteger pushesStale = new AtomicInteger();
        volatile boolean typing = true;

        Run(LetterService letters, JdbcTemplate jdbc, long projectId, SectionKey key, int n, int seconds) {
            this.letters = letters;
            this.jdbc = jdbc;
            this.projectId = projectId;
            this.key = key;
            this.n = n;
            this.seconds = seconds;
        }

        synchronized void record(long nanos, boolean edits) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
            }
            times[count++] = nanos;
            if (edits) {
                if (editCount == editTimes.length) {
                    editTimes = Arrays.copyOf(editTimes, editCount * 2);
                }
                editTimes[editCount++] = nanos;
            }
        }

        void execute() throws Exception {
            StringBuilder start = new StringBuilder();
            for (int i = 0; i < n; i++) {
                start.append("Paragraphe ").append(i).append(" :\n");
            }
            SectionState before = letters.letter(projectId).get(key.ordinal());
            letters.write(projectId, key, before.version(), start.toString(), ChangeKind.EDIT);
            for (int i = 0; i < n; i++) {
                editors.add(new Editor(this, i));
            }
            long startVersion = letters.letter(projectId).get(key.ordinal()).version();
            Random random = new Random(51);
            for (Editor e : editors) {
                browsers.schedule(e::keystroke, random.nextInt((int) KEYSTROKE_MS), TimeUnit.MILLISECONDS);
            }
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds);
            typing = false;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            int syncsWhileTyping;
            int editSyncsWhileTyping;
            synchronized (this) {
                syncsWhileTyping = count;
                editSyncsWhileTyping = editCount;
            }
            // Everyone stopped: wait for the traffic to settle, then a last round trip each until nothing moves.
            long quietBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (editors.stream().anyMatch(Editor::busy) && System.nanoTime() < quietBy) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            browsers.shutdown();
            network.shutdown();
            browsers.awaitTermination(30, TimeUnit.SECONDS);
            network.awaitTermination(30, TimeUnit.SECONDS);
            server.shutdown();
            server.awaitTermination(30, TimeUnit.SECONDS);
            for (int round = 0; round < 3; round++) {
                for (Editor e : editors) {
                    e.client.receive(e.session.sync(e.client.prepare()));
                }
            }
            SectionState live = letters.letter(projectId).get(key.ordinal());
            // the row holds the text at body_version (written every 50 versions); the change rows bring it forward
            String persisted = jdbc.queryForObject("select body from letter_section where project_id = ? and section_key = ?",
                    String.class, projectId, key.key());
            long bodyVersion = jdbc.queryForObject("select body_version from letter_section where project_id = ? and section_key = ?",
                    Long.class, projectId, key.key());
            long sectionId = jdbc.queryForObject("select id from letter_section where project_id = ? and section_key = ?",
                    Long.class, projectId, key.key());
            int divergent = 0;
            for (Editor e : editors) {
                if (!e.client.text.equals(live.text())) {
                    divergent++;
                }
            }
            if (!persisted.equals(letters.textAt(sectionId, bodyVersion)) || !letters.textAt(sectionId, live.version()).equals(live.text())) {
                divergent++; // the database (row or change log) is not what the editors see
            }
            Map<String, Integer> words = new HashMap<>();
            for (String w : live.text().split("\\s+")) {
                words.merge(w, 1, Integer::sum);
            }
            int lost = 0;
            for (Editor e : editors) {
                for (String w : e.typedWords()) {
                    if (words.getOrDefault(w, 0) != 1) {
                        lost++;
                        if (lost <= 3) {
                            int at = live.text().indexOf(e.marker + " ");
                            int eol = live.text().indexOf('\n', at);
                            System.out.printf("  lost %s (%d times) in: %s%n", w, words.getOrDefault(w, 0),
                                    at < 0 ? "?" : live.text().substring(at, eol < 0 ? live.text().length() : eol));
                        }
                    }
                }
            }
            for (Editor e : editors) {
                e.session.close();
            }
            long[] sorted;
            long[] edits;
            synchronized (this) {
                sorted = Arrays.copyOf(times, syncsWhileTyping);
                edits = Arrays.copyOf(editTimes, editSyncsWhileTyping);
            }
            Arrays.sort(sorted);
            Arrays.sort(edits);
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf("%8d %8d %9.0f %8.2f %8.2f %8.2f %8.1f %8d %9d %8d %10d %6d%n", n, sorted.length,
                    sorted.length / elapsed, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, live.version() - startVersion,
                    live.text().length(), heap >> 20, divergent, lost);
            System.out.printf("%8s syncs carrying edits: %d, server time p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", "",
                    edits.length, pct(edits, 50), pct(edits, 95), pct(edits, 99));
            System.out.printf("%8s pushes taken: %d (held while a message was in flight: %d); already in an answer: "
                    + "%d; refused (a sync followed): %d%n", "", pushesTaken.get(), pushesHeld.get(), pushesStale.get(),
                    pushesIgnored.get());
            if (rejoins.get() > 0) {
                System.out.println("  (" + rejoins.get() + " editors needed a rejoin: the sync protocol broke down)");
            }
        }

        private static double pct(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
        }
    }

    /** One simulated browser. */
    private static final class Editor {
        final Run run;
        final int index;
        final LetterService.EditorSession session;
        final SyncClient client;
        final Random random;
        final String marker;
        int caret;
        int words;
        String word = "";
        int typedInWord;
        boolean scheduled;
        boolean inFlight;
        boolean poked;
        final List<SyncResponse> held = new ArrayList<>();
        long version = -1; // the server version of our last answer or taken push

        Editor(Run run, int index) {
            this.run = run;
            this.index = index;
            this.random = new Random(index);
            this.marker = "Paragraphe " + index + " :";
            // as the browser's editor: the server's change comes with the notification (a push), taken when nothing
            // is in flight and the versions match, else ignored and followed by a sync
            this.session = run.letters.open(run.projectId, run.key, new LiveSection.Listener() {
                @Override
                public void changed() {
                    run.network.schedule(() -> deliver(Editor.this::poke), LATENCY_MS, TimeUnit.MILLISECONDS);
                }

                @Override
                public boolean takesPushes() {
                    return true;
                }

                @Override
                public void pushed(SyncResponse change) {
                    run.network.schedule(() -> deliver(() -> receivePush(change)), LATENCY_MS, TimeUnit.MILLISECONDS);
                }
            });
            this.client = new SyncClient(session.startText());
            this.caret = client.text.indexOf(marker + "\n") + marker.length();
            nextWord();
        }

        private void nextWord() {
            word = " e" + index + "w" + (words++) + "z"; // the z ends it: a partial word never reads as an earlier one
            typedInWord = 0;
        }

        synchronized List<String> typedWords() {
            List<String> out = new ArrayList<>();
            int complete = words - 1 + (typedInWord == word.length() ? 1 : 0);
            for (int w = 0; w < complete; w++) {
                out.add("e" + index + "w" + w + "z");
            }
            return out;
        }

        synchronized boolean busy() {
            return scheduled || inFlight || client.hasUnsent();
        }

        void keystroke() {
            if (!run.typing) {
                return;
            }
            synchronized (this) {
                if (typedInWord == word.length()) {
                    nextWord();
                }
                char c = word.charAt(typedInWord++);
                client.text = client.text.substring(0, caret) + c + client.text.substring(caret);
                caret++;
                schedule(DEBOUNCE_MS);
            }
            long jitter = random.nextInt(100) - 50;
            run.browsers.schedule(this::keystroke, KEYSTROKE_MS + jitter, TimeUnit.MILLISECONDS);
        }

        void poke() {
            synchronized (this) {
                poked = true;
                schedule(0);
            }
        }

        /** Sync soon, unless a message is already in flight (its answer triggers the next) or already planned. */
        private void schedule(long delay) {
            if (scheduled || inFlight || run.browsers.isShutdown()) {
                return;
            }
            scheduled = true;
            run.browsers.schedule(this::send, delay, TimeUnit.MILLISECONDS);
        }

        private void send() {
            SyncRequest request;
            synchronized (this) {
                scheduled = false;
                if (inFlight) {
                    return;
                }
                request = client.prepare();
                inFlight = true;
                poked = false;
            }
            run.network.schedule(() -> run.server.execute(() -> {
                long t0 = System.nanoTime();
                SyncResponse answer = session.sync(request);
                run.record(System.nanoTime() - t0, !request.edits().isEmpty());
                run.network.schedule(() -> deliver(() -> receive(answer)), LATENCY_MS, TimeUnit.MILLISECONDS);
            }), LATENCY_MS, TimeUnit.MILLISECONDS);
        }

        /**
         * Where this editor's caret is after a remote change: it only ever types at the end of its own paragraph, and
         * nobody else types there. (Mapping the caret through a diff of the whole text, as this simulator first did,
         * took more than half the CPU of the 200-editor run away from the server it measures.)
         */
        private int endOfParagraph(String text) {
            int at = text.indexOf(marker);
            int eol = text.indexOf('\n', at);
            return eol < 0 ? text.length() : eol;
        }

        private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();

        /**
         * What reaches this browser (answers, pushes, pokes) is handled one at a time in arrival order, as by the
         * browser's one JavaScript thread — not by whichever of the simulator's threads is free.
         */
        private void deliver(Runnable message) {
            inbox.add(message);
            if (draining.compareAndSet(false, true)) {
                run.browsers.execute(this::drain);
            }
        }

        private void drain() {
            do {
                for (Runnable next = inbox.poll(); next != null; next = inbox.poll()) {
                    next.run();
                }
                draining.set(false);
            } while (!inbox.isEmpty() && draining.compareAndSet(false, true));
        }

        /** As the browser's editor (push in a51-section-editor.ts). */
        private synchronized void receivePush(SyncResponse change) {
            if (change.version() <= version) {
                run.pushesStale.incrementAndGet();
                return; // computed before our last answer, which had it
            }
            if (inFlight) {
                run.pushesHeld.incrementAndGet();
                held.add(change); // computed over the state the answer on its way brings: taken after it
                return;
            }
            if (!take(change)) {
                poke();
            }
        }

        private boolean take(SyncResponse change) {
            if (client.push(change)) {
                version = Math.max(version, change.version());
                run.pushesTaken.incrementAndGet();
                caret = endOfParagraph(client.text);
                return true;
            }
            run.pushesIgnored.incrementAndGet();
            return false;
        }

        private synchronized void receive(SyncResponse answer) {
            inFlight = false;
            client.receive(answer);
            if (client.broken()) {
                run.rejoins.incrementAndGet();
                return;
            }
            caret = endOfParagraph(client.text);
            version = Math.max(version, answer.version());
            List<SyncResponse> pushes = new ArrayList<>(held);
            held.clear();
            for (SyncResponse p : pushes) {
                if (p.version() <= version) {
                    run.pushesStale.incrementAndGet();
                } else if (!take(p)) {
                    poked = true;
                    break;
                }
            }
            if (client.hasUnsent() || poked) {
                schedule(poked ? 0 : DEBOUNCE_MS);
            }
        }
    }

}
