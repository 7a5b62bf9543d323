package fr.atelier51.bench;

import fr.atelier51.Application;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.AccountService;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.workspace.SyncClient;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.HistoryPage;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.SectionHistoryService;
import fr.atelier51.workspace.service.TextDiff;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import static fr.atelier51.testsupport.Fixtures.as;

/**
 * Benchmark harness (not a test): a section with N changes typed through the real sync engine and persisted in H2
 * (two people taking turns, and one person typing alone, the worst case for grouping), then the history's costs:
 * first page of sessions, a page deep in the past, the API's deepest page by number and by cursor, any version's text, a diff across the whole history, a restore.
 * Run by src/bench/history.sh. Arguments: [changes, default 10000] [rounds, default 30]
 */
public final class HistoryBench {

    private HistoryBench() {
    }

    public static void main(String[] args) {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
                .profiles("test").web(WebApplicationType.SERVLET).properties("server.port=0").run()) {
            Fixtures fixtures = new Fixtures(ctx.getBean(AccountService.class), ctx.getBean(ProjectService.class));
            LetterService letters = ctx.getBean(LetterService.class);
            SectionHistoryService history = ctx.getBean(SectionHistoryService.class);
            Account alice = fixtures.account(Role.HOLDER, "Alice");
            Account bruno = fixtures.account(Role.HOLDER, "Bruno");
            Project project = fixtures.projectOf(alice, "Banc d’essai de l’historique");
            as(alice, () -> ctx.getBean(ProjectService.class).inviteCoHolder(project.getId(), bruno.getEmail()));
            long id = project.getId();

            List<Long> syncs = new ArrayList<>();
            type(letters, id, SectionKey.DESCRIPTION, new Account[]{alice, bruno}, 25, changes, syncs);
            type(letters, id, SectionKey.CONTEXTE, new Account[]{alice}, changes, changes, syncs);
            System.out.printf(Locale.ROOT, "%d changes typed per section through the sync engine (persisted): sync p50 = %.2f ms, p95 = %.2f ms%n",
                    changes, pct(syncs, 0.50), pct(syncs, 0.95));

            for (SectionKey key : new SectionKey[]{SectionKey.DESCRIPTION, SectionKey.CONTEXTE}) {
                String who = key == SectionKey.DESCRIPTION ? "two people taking turns every 25 changes" : "one person, one long session (worst case)";
                HistoryPage first = as(alice, () -> history.sessions(id, key, Long.MAX_VALUE, SectionHistoryService.PAGE));
                System.out.printf(Locale.ROOT, "%n[%s] %s — %d sessions on the first page, current version %d%n",
                        key.key(), who, first.sessions().size(), first.currentVersion());
                report("first page of sessions", rounds, () -> as(alice, () -> history.sessions(id, key, Long.MAX_VALUE, SectionHistoryService.PAGE)));
                report("page before version " + changes / 2, rounds, () -> as(alice, () -> history.sessions(id, key, changes / 2, SectionHistoryService.PAGE)));
                // The API's deepest full page of 30 sessions, by number (walks the pages before it) and by cursor.
                int deep = 0;
                HistoryPage walk = first;
                while (walk.hasMore() && deep < 50) {
                    long before = walk.nextBefore();
                    HistoryPage older = as(alice, () -> history.sessions(id, key, before, SectionHistoryService.PAGE));
                    deep++;
                    if (!older.hasMore()) {
                        break;
                    }
                    walk = older;
                }
                if (deep > 0) {
                    int page = deep;
                    String cursor = String.valueOf(walk.nextBefore());
                    report("API page=" + page, rounds, () -> as(alice, () -> history.page(id, key, page, SectionHistoryService.PAGE)));
                    report("API before=" + cursor + " (the same page)", rounds,
                            () -> as(alice, () -> history.page(id, key, 0, cursor, SectionHistoryService.PAGE)));
                }
                Random random = new Random(7);
                report("text of a random version", rounds, () -> as(alice, () -> history.textAt(id, key, 1 + random.nextInt(changes))));
                TextDiff whole = as(alice, () -> history.diff(id, key, 1, changes));
                System.out.printf(Locale.ROOT, "  diff version 1 → %d: +%d / −%d characters, %d parts%n", changes, whole.added(), whole.removed(), whole.parts().size());
                report("diff version 1 → " + changes, rounds, () -> as(alice, () -> history.diff(id, key, 1, changes)));
                report("diff of two neighbouring sessions", rounds, () -> as(alice, () -> history.diff(id, key, changes - 60, changes - 10)));
            }
            long t0 = System.nanoTime();
            as(alice, () -> history.restore(id, SectionKey.DESCRIPTION, changes / 2));
            System.out.printf(Locale.ROOT, "%nrestore of version %d as a new change: %.1f ms%n", changes / 2, (System.nanoTime() - t0) / 1e6);
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        System.exit(0);
    }

    /** Types {@code changes} small edits (about five characters each) through live sessions, authors taking turns. */
    private static void type(LetterService letters, long projectId, SectionKey key, Account[] authors, int turn, int changes,
                             List<Long> syncNanos) {
        List<LetterService.EditorSession> sessions = new ArrayList<>();
        List<SyncClient> clients = new ArrayList<>();
        for (Account a : authors) {
            LetterService.EditorSession s = as(a, () -> letters.open(projectId, key, () -> { }));
            sessions.add(s);
            clients.add(new SyncClient(s.startText()));
        }
        String[] words = {"patient ", "parcours ", "sortie ", "infirmière ", "suivi ", "appel ", "domicile "};
        for (int i = 0; i < changes; i++) {
            int who = (i / turn) % authors.length;
            SyncClient c = clients.get(who);
            c.receive(sessions.get(who).sync(c.prepare())); // catch up with the other person first
            String w = words[i % words.length];
            int at = c.text.isEmpty() ? 0 : (i * 31) % c.text.length();
            at = c.text.lastIndexOf(' ', at) + 1;
            c.text = c.text.substring(0, at) + w.substring(0, Math.min(5, w.length())) + " " + c.text.substring(at);
            long t0 = System.nanoTime();
            c.receive(sessions.get(who).sync(c.prepare()));
            syncNanos.add(System.nanoTime() - t0);
        }
        sessions.forEach(LetterService.EditorSession::close);
    }

    private static void report(String what, int rounds, Supplier<?> action) {
        for (int i = 0; i < 5; i++) {
            action.get(); // warm-up
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            action.get();
            nanos.add(System.nanoTime() - t0);
        }
        System.out.printf(Locale.ROOT, "  %-40s p50 = %7.2f ms   p95 = %7.2f ms   max = %7.2f ms%n", what,
                pct(nanos, 0.50), pct(nanos, 0.95), Collections.max(nanos) / 1e6);
    }

    private static double pct(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
