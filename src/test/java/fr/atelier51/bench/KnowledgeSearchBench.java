package fr.atelier51.bench;

import fr.atelier51.knowledge.KnowledgeRelevanceTest;
import fr.atelier51.knowledge.service.KnowledgeHit;
import fr.atelier51.knowledge.service.BenchReaders;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.knowledge.service.KnowledgeQuery;
import fr.atelier51.knowledge.service.KnowledgeResults;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Benchmark harness (not a test): imports and indexes the whole Code de la sécurité sociale and Code du travail
 * into a fresh index, then replays 1,000+ mixed queries (the relevance suite's queries and variations) against
 * (1) our search service (analysis, query building, filters, ranking, grouping, snippets of the hits shown),
 * (2) a bare Lucene IndexSearcher on the same index running the very Query objects the service builds (built
 * before timing), top 10, reading the same stored fields of those 10 — the difference is our overhead — and
 * (3) H2's native full-text search on a table of the same passages: FT_SEARCH_DATA top 10 joined to their rows,
 * and FT_SEARCH's keys alone. Prints one table and the ratios at p50/p95/p99 and on the mean.
 * Run by src/bench/knowledge-search.sh. Arguments: [codes, comma-separated] [rounds] [no-h2]
 */
public final class KnowledgeSearchBench {

    private static final String CSS = "LEGITEXT000006073189";
    private static final String CODE_DU_TRAVAIL = "LEGITEXT000006072050";

    /** Extra questions about the Code du travail, so the second code is exercised too. */
    private static final List<String> WORK_QUERIES = List.of(
            "licenciement pour motif économique", "période d'essai", "congés payés", "durée légale du travail",
            "heures supplémentaires majoration", "L1234-1", "article L. 3121-27", "rupture conventionnelle",
            "comité social et économique", "médecine du travail", "contrat à durée déterminée renouvellement",
            "travail de nuit", "harcèlement moral", "égalité professionnelle", "apprentissage contrat",
            "télétravail", "repos hebdomadaire dimanche", "salaire minimum de croissance", "inaptitude reclassement",
            "formation professionnelle continue");

    private KnowledgeSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> codes = List.of((args.length > 0 ? args[0] : CSS + "," + CODE_DU_TRAVAIL).split(","));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean quick = args.length > 2 && "no-h2".equals(args[2]);
        Path work = Files.createTempDirectory("knowledge-bench");
        try {
            run(codes, rounds, quick, work);
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(List<String> codes, int rounds, boolean quick, Path work) throws Exception {
        // ---- import + index
        KnowledgeIndex index = new KnowledgeIndex(work.resolve("index").toString(), codes, false);
        long t0 = System.nanoTime();
        index.openOrBuildNow(true);
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        KnowledgeIndex.Stats stats = index.lastBuild().orElseThrow();
        KnowledgeSearchService service = new KnowledgeSearchService(index, null, true);

        List<String> queries = queries();
        System.out.printf(Locale.ROOT, "Codes: %s; %d articles, %d notes, %d passages%n", codes, stats.articles(),
                stats.notes(), stats.passages());
        System.out.printf(Locale.ROOT, "Import + index: %.1f s; index size %.1f MB%n", importMs / 1000.0, stats.bytes() / 1e6);
        System.out.printf(Locale.ROOT, "Queries: %d mixed (relevance suite, Code du travail questions and variations), %d rounds after 1 warm-up%n",
                queries.size(), rounds);

        // ---- the engines, timed in turn on each query (so JIT warm-up, caches and the machine's load favour
        // neither): our service; a bare Lucene IndexSearcher on the very reader the service searches, running the very
        // Query objects the service builds (relevance, static weight, filters), built before timing, top 10, stored
        // fields of those 10 read — what remains is our overhead (analysis and query building, grouping by article,
        // snippets, hit assembly); then H2's native full text on the same passages (top 10 with their rows, and keys
        // only)
        Map<String, Query> built = new HashMap<>();
        for (String q : queries) {
            service.luceneQuery(KnowledgeQuery.of(q, 10)).ifPresent(query -> built.put(q, query));
        }
        Set<String> hitFields = KnowledgeSearchService.hitFields();
        long[] hitsSeen = new long[1];
        IndexReader reader = BenchReaders.current(index);
        IndexSearcher searcher = new IndexSearcher(reader);
        List<Consumer<String>> engines = new ArrayList<>();
        engines.add(q -> hitsSeen[0] += service.search(KnowledgeQuery.of(q, 10)).hits().size());
        engines.add(q -> {
            Query query = built.get(q);
            if (query == null) {
                return;
            }
            try {
                StoredFields stored = searcher.storedFields();
                for (ScoreDoc sd : searcher.search(query, 10).scoreDocs) {
                    stored.document(sd.doc, hitFields);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<Timings> timings = new ArrayList<>(timeInTurn(queries, rounds, engines));
        // H2 in its own block: between two Lucene searches its work evicts their data from the CPU caches
        if (!quick) {
            List<String[]> passages = new ArrayList<>();
            StoredFields passageFields = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                Document d = passageFields.document(doc, Set.of("unit", "text", "crumbs"));
                if (d.get("text") != null) {
                    passages.add(new String[]{d.get("unit"), d.get("crumbs"), d.get("text")});
                }
            }
            Connection h2 = DriverManager.getConnection("jdbc:h2:" + work.resolve("h2/bench").toAbsolutePath(), "sa", "");
            long h0 = System.nanoTime();
            loadH2(h2, passages);
            System.out.printf(Locale.ROOT, "H2 full-text index of the same %d passages: %.1f s%n", passages.size(),
                    (System.nanoTime() - h0) / 1e9);
            PreparedStatement rows = h2.prepareStatement("SELECT P.ID, P.UNIT, P.CRUMBS, P.TEXT FROM FT_SEARCH_DATA(?, 10, 0) F "
                    + "JOIN PASSAGE P ON P.ID = CAST(F.KEYS[1] AS INT)");
            PreparedStatement keys = h2.prepareStatement("SELECT * FROM FT_SEARCH(?, 10, 0)");
            timings.addAll(timeInTurn(queries, rounds, List.of(q -> readAll(rows, q, 4), q -> readAll(keys, q, 1))));
            h2.close();
        }
        // sanity check that both run the same ranking: the service's first hit is the baseline's first passage
        int[] sameTop = new int[2];
        for (String q : queries) {
            Query query = built.get(q);
            List<KnowledgeHit> hits = service.search(q, 10);
            if (query == null || hits.isEmpty()) {
                continue;
            }
            sameTop[1]++;
            ScoreDoc[] top = searcher.search(query, 1).scoreDocs;
            Document d = reader.storedFields().document(top[0].doc, Set.of("unit", "anchor"));
            if (hits.getFirst().url().endsWith(unitPath(d.get("unit"), d.get("anchor")))) {
                sameTop[0]++;
            }
        }
        Timings service10 = timings.get(0);
        Timings bare = timings.get(1);
        Timings h2Rows = quick ? null : timings.get(2);
        Timings h2Keys = quick ? null : timings.get(3);
        System.out.printf(Locale.ROOT, "%n%-58s %-31s | %s%n", "engine (single thread, warm, ms)", "wall: p50 / p95 / p99 / mean",
                "CPU: p50 / p95 / p99 / mean");
        row("Atelier 51 search service (top 10, grouped, snippets)", service10);
        row("bare Lucene IndexSearcher, same Query, top 10 + fields", bare);
        if (h2Rows != null) {
            row("H2 FT_SEARCH_DATA top 10 + their rows", h2Rows);
            row("H2 FT_SEARCH top 10 keys only", h2Keys);
        }
        System.out.printf(Locale.ROOT, "%nratios (p50 / p95 / p99 / mean)%n");
        ratio("service / bare Lucene (target ≤ 1.5 at p95)", service10, bare);
        if (h2Rows != null) {
            ratio("H2 rows / service (target ≥ 10 at p95)", h2Rows, service10);
            ratio("H2 keys only / service", h2Keys, service10);
        }
        System.out.printf(Locale.ROOT, "same first hit in service and bare Lucene: %d of %d queries%n", sameTop[0], sameTop[1]);
        System.out.printf(Locale.ROOT, "%d hits returned by the service%n", hitsSeen[0]);
        System.out.printf(Locale.ROOT, "machine: %d cores, load average before/after: %s%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        index.destroy();
    }

    /** The words of a query for H2's FT_SEARCH (which ANDs words and has its own little syntax). */
    private static String h2Words(String q) {
        return q.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Suite queries, Code du travail questions and deterministic variations: lower case, no accents, typos, prefixes, pairs. */
    public static List<String> queries() {
        List<String> base = new ArrayList<>();
        KnowledgeRelevanceTest.CASES.forEach(c -> base.add(c.query()));
        base.addAll(WORK_QUERIES);
        List<String> all = new ArrayList<>(base);
        for (String q : base) {
            all.add(q.toLowerCase(Locale.ROOT));
            all.add(Normalizer.normalize(q, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
            all.add(typo(q));
            String[] words = q.split(" ");
            all.add(String.join(" ", List.of(words).subList(0, Math.max(1, words.length / 2))));
            all.add(q + " ?");
            all.add("\"" + q + "\"");
            all.add(q.toUpperCase(Locale.ROOT));
            all.add("quelle règle pour " + q.toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < base.size(); i++) {
            all.add(base.get(i) + " " + base.get((i * 7 + 3) % base.size()));
            all.add(base.get((i * 11 + 5) % base.size()) + " " + base.get(i).split(" ")[0]);
        }
        return all;
    }

    private static String typo(String q) {
        int at = q.length() / 2;
        if (q.length() < 6 || !Character.isLetter(q.charAt(at)) || !Character.isLetter(q.charAt(at + 1))) {
            return q + "s";
        }
        return q.substring(0, at) + q.charAt(at + 1) + q.charAt(at) + q.substring(at + 2);
    }

    /** Wall-clock and CPU time of each query (CPU time shows the work done when the machine is shared). */
    record Timings(List<Long> wall, List<Long> cpu) {
    }

    /**
     * Engines timed in turn on each query, after one untimed round of each; which one goes first rotates (a later
     * one finds the query's postings already in the CPU caches).
     */
    private static List<Timings> timeInTurn(List<String> queries, int rounds, List<Consumer<String>> engines) {
        engines.forEach(queries::forEach);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = engines.size();
        List<List<Long>> wall = new ArrayList<>();
        List<List<Long>> cpu = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            wall.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int qi = 0; qi < queries.size(); qi++) {
                String q = queries.get(qi);
                for (int turn = 0; turn < n; turn++) {
                    int e = (turn + qi + r) % n;
                    long c = threads.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    engines.get(e).accept(q);
                    wall.get(e).add(System.nanoTime() - t);
                    cpu.get(e).add(threads.getCurrentThreadCpuTime() - c);
                }
            }
        }
        List<Timings> out = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            wall.get(e).sort(Long::compare);
            cpu.get(e).sort(Long::compare);
            out.add(new Timings(wall.get(e), cpu.get(e)));
        }
        return out;
    }

    /** The passages in an H2 table with H2's native full-text index on their text. */
    private static void loadH2(Connection c, List<String[]> passages) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE PASSAGE(ID INT PRIMARY KEY, UNIT VARCHAR(200), CRUMBS VARCHAR(4000), TEXT CLOB)");
            s.execute("CREATE ALIAS IF NOT EXISTS FT_INIT FOR 'org.h2.fulltext.FullText.init'");
            s.execute("CALL FT_INIT()");
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO PASSAGE VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < passages.size(); i++) {
                ins.setInt(1, i);
                ins.setString(2, passages.get(i)[0]);
                ins.setString(3, passages.get(i)[1]);
                ins.setString(4, passages.get(i)[2]);
                ins.addBatch();
                if (i % 1000 == 999) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("CALL FT_CREATE_INDEX('PUBLIC', 'PASSAGE', 'TEXT')");
        }
    }

    /** Runs an H2 full-text statement for a query and reads column {@code column} of every row. */
    private static void readAll(PreparedStatement statement, String q, int column) {
        try {
            statement.setString(1, h2Words(q));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rs.getString(column);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(q, e);
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    private static void row(String name, Timings t) {
        System.out.printf(Locale.ROOT, "%-58s %7.2f %7.2f %7.2f %7.2f | %7.2f %7.2f %7.2f %7.2f%n", name, percentile(t.wall(), 50),
                percentile(t.wall(), 95), percentile(t.wall(), 99), mean(t.wall()), percentile(t.cpu(), 50),
                percentile(t.cpu(), 95), percentile(t.cpu(), 99), mean(t.cpu()));
    }

    private static void ratio(String name, Timings a, Timings b) {
        System.out.printf(Locale.ROOT, "%-52s wall %5.2f %5.2f %5.2f %5.2f | CPU %5.2f %5.2f %5.2f %5.2f%n", name,
                percentile(a.wall(), 50) / percentile(b.wall(), 50), percentile(a.wall(), 95) / percentile(b.wall(), 95),
                percentile(a.wall(), 99) / percentile(b.wall(), 99), mean(a.wall()) / mean(b.wall()),
                percentile(a.cpu(), 50) / percentile(b.cpu(), 50), percentile(a.cpu(), 95) / percentile(b.cpu(), 95),
                percentile(a.cpu(), 99) / percentile(b.cpu(), 99), mean(a.cpu()) / mean(b.cpu()));
    }

    /** The end of a hit's URL for a unit and anchor ("LEGITEXT…:L162-31-1" → "L162-31-1…"). */
    private static String unitPath(String unit, String anchor) {
        String id = unit.substring(unit.indexOf(':') + 1);
        return unit.startsWith("note:") || unit.startsWith("upload:") ? id + "#" + anchor : id + (unit.contains(CSS) ? "" : "?code=" + unit.substring(0, unit.indexOf(':')));
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }
}
