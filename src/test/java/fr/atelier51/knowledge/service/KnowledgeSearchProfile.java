package fr.atelier51.knowledge.service;

import fr.atelier51.bench.KnowledgeSearchBench;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the search service's time goes (not a test): the benchmark's queries on the CSS + Code du travail, CPU
 * time of each stage of a search (reference jump, query building, collection, stored fields, snippets, hit
 * assembly), next to the bare-Lucene baseline (same Query, top 10, same stored fields) and the whole search.
 * Run by src/bench/knowledge-search.sh with "profile" as third argument.
 */
public final class KnowledgeSearchProfile {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private KnowledgeSearchProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("knowledge-profile");
        KnowledgeIndex index = new KnowledgeIndex(work.resolve("index").toString(),
                List.of((args.length > 0 ? args[0] : "LEGITEXT000006073189,LEGITEXT000006072050").split(",")), false);
        index.openOrBuildNow(true);
        KnowledgeSearchService service = new KnowledgeSearchService(index, null, true);
        List<String> queries = KnowledgeSearchBench.queries();
        String[] names = {"reference jump", "query building", "collect top units", "stored fields", "snippets",
                "hit assembly", "whole search", "bare Lucene + fields", "bare Lucene top 10", "collector, no grouping"};
        for (int round = 0; round < 3; round++) {
            long[][] t = new long[names.length][queries.size()];
            for (int qi = 0; qi < queries.size(); qi++) {
                int i = qi;
                KnowledgeQuery q = KnowledgeQuery.of(queries.get(qi), 10);
                long a = CPU.getCurrentThreadCpuTime();
                String text = KnowledgeSearchService.sanitise(q.text());
                service.referenceTarget(text, null);
                t[0][i] = CPU.getCurrentThreadCpuTime() - a;
                Query same = service.luceneQuery(q).orElse(null);
                index.withSearcher(searcher -> {
                    long c0 = CPU.getCurrentThreadCpuTime();
                    var built = new SearchQueryBuilder().build(text, searcher);
                    long c1 = CPU.getCurrentThreadCpuTime();
                    t[1][i] = c1 - c0;
                    if (built.isEmpty() || same == null) {
                        return null;
                    }
                    TopUnitsCollector top = service.collectTop(searcher, built.get().main(), q);
                    List<ScoreDoc> chosen = List.of(top.top());
                    long d = CPU.getCurrentThreadCpuTime();
                    t[2][i] = d - c1;
                    Map<Integer, Document> docs = new HashMap<>();
                    var stored = searcher.storedFields();
                    for (ScoreDoc sd : chosen) {
                        docs.put(sd.doc, stored.document(sd.doc, KnowledgeSearchService.HIT_FIELDS));
                    }
                    long e1 = CPU.getCurrentThreadCpuTime();
                    String[] snippets = service.highlight(searcher, built.get(), chosen, docs);
                    long e2 = CPU.getCurrentThreadCpuTime();
                    for (int k = 0; k < chosen.size(); k++) {
                        service.hit(docs.get(chosen.get(k).doc), snippets[k], 1f, LocalDate.now());
                    }
                    long e3 = CPU.getCurrentThreadCpuTime();
                    t[3][i] = e1 - d;
                    t[4][i] = e2 - e1;
                    t[5][i] = e3 - e2;
                    var bareStored = searcher.storedFields();
                    for (ScoreDoc sd : searcher.search(same, 10).scoreDocs) {
                        bareStored.document(sd.doc, KnowledgeSearchService.HIT_FIELDS);
                    }
                    long e4 = CPU.getCurrentThreadCpuTime();
                    t[7][i] = e4 - e3;
                    searcher.search(same, 10);
                    long e5 = CPU.getCurrentThreadCpuTime();
                    t[8][i] = e5 - e4;
                    searcher.search(same, TopUnitsCollector.manager(10, "no-such-field"));
                    t[9][i] = CPU.getCurrentThreadCpuTime() - e5;
                    return null;
                });
                long w0 = CPU.getCurrentThreadCpuTime();
                service.search(q);
                t[6][i] = CPU.getCurrentThreadCpuTime() - w0;
            }
            if (round == 0) {
                continue; // warm-up
            }
            System.out.printf(Locale.ROOT, "round %d (CPU ms, %d queries)%n", round, queries.size());
            for (int n = 0; n < names.length; n++) {
                long[] s = t[n].clone();
                Arrays.sort(s);
                System.out.printf(Locale.ROOT, "  %-22s p50 %.3f  p95 %.3f  p99 %.3f  mean %.3f%n", names[n], s[s.length / 2] / 1e6,
                        s[(int) (s.length * .95)] / 1e6, s[(int) (s.length * .99)] / 1e6, Arrays.stream(s).average().orElse(0) / 1e6);
            }
        }
        index.destroy();
    }
}
