package fr.atelier51.knowledge;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.knowledge.service.KnowledgeHit;
import fr.atelier51.knowledge.service.KnowledgeIndex;
import fr.atelier51.knowledge.service.KnowledgeSearchService;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relevance on the real Code de la sécurité sociale (legi-data) and our notes: queries as holders and coaches
 * type them, each with the articles or notes ("note:NN" = note file starting with NN) acceptable in the top 5.
 * Prints recall@5 and MRR; fails under recall@5 = 0.9.
 */
@IntegrationTest
public class KnowledgeRelevanceTest {

    /** A query and the articles or notes acceptable in its top 5 (public: the search benchmark replays them). */
    public record Case(String query, List<String> expected) {
    }

    public static final List<Case> CASES = List.of(
            // article references, every spelling
            c("L162-31-1", "L162-31-1"),
            c("l. 162-31-1", "L162-31-1"),
            c("art. R.162-50-6", "R162-50-6"),
            c("article L 160-13 du CSS", "L160-13"),
            c("R162-50-8", "R162-50-8"),
            c("r 162-50-5", "R162-50-5"),
            c("article R.162-50-13", "R162-50-13"),
            c("L.162-2", "L162-2"),
            c("art L174-4", "L174-4"),
            c("D178-1", "D178-1"),
            c("162-31-1", "L162-31-1"),
            c("R.162-50-1 catégories", "R162-50-1"),
            // acronyms
            c("FISS", "note:06", "L162-31-1"),
            c("FIR", "note:06"),
            c("CTIS", "R162-50-2", "note:07"),
            c("CSIS", "R162-50-3", "note:07"),
            c("avis HAS", "R162-50-8", "note:07", "note:03"),
            c("LI à l'ARS", "note:08", "note:05"),
            c("CdC contenu minimal", "R162-50-6", "note:09"),
            c("SISA", "note:03", "L162-31-1"),
            c("ESSMS", "note:03", "note:02", "L162-31-1"),
            c("CPTS", "note:13"),
            c("T2A", "note:13"),
            c("glossaire des sigles", "note:13"),
            c("article 51", "L162-31-1", "note:01"),
            c("expérimentation article 51 LFSS 2018", "L162-31-1", "note:01"),
            // plain questions
            c("qu'est-ce que l'article 51", "note:01", "L162-31-1"),
            c("combien de temps peut durer une expérimentation", "L162-31-1", "note:01", "note:02", "R162-50-9"),
            c("durée maximale cinq ans", "L162-31-1", "note:01", "note:02", "R162-50-9"),
            c("à qui envoyer la lettre d'intention", "note:05", "note:08", "R162-50-5"),
            c("projet national rapporteur général", "R162-50-5", "note:05", "R162-50-4", "note:07"),
            c("déposer un projet régional auprès de l'ARS", "note:05", "R162-50-5", "note:02"),
            c("délai de réponse du comité technique", "R162-50-7", "note:07"),
            c("le silence vaut accord", "R162-50-7", "note:07"),
            c("la HAS a combien de temps pour rendre son avis", "R162-50-8", "note:07"),
            c("quelles dérogations sont possibles", "note:03", "L162-31-1", "note:02"),
            c("déroger au paiement à l'acte avec un forfait", "note:03", "R162-50-1", "note:04"),
            c("partage d'honoraires entre professionnels", "note:03", "L162-31-1"),
            c("tiers payant", "note:03", "L162-2", "L162-31-1"),
            c("ticket modérateur participation de l'assuré", "L160-13", "note:03"),
            c("hôtel hospitalier", "note:03", "L162-31-1"),
            c("antenne de pharmacie", "note:03"),
            c("télésurveillance", "note:14", "L162-31-1"),
            c("protocole de coopération compétences des professionnels", "note:02"),
            c("médecines non conventionnelles", "note:02"),
            c("catégories d'expérimentation", "R162-50-1", "note:04"),
            c("paiement à l'épisode de soins", "note:04", "R162-50-1"),
            c("contenu du cahier des charges", "R162-50-6", "note:09"),
            c("rapport d'évaluation de l'expérimentation", "R162-50-14", "note:10"),
            c("évaluateurs externes", "note:10", "R162-50-14"),
            c("information des patients et consentement", "R162-50-11", "note:11"),
            c("données recueillies sur les patients", "R162-50-12", "note:11"),
            c("liens d'intérêts avec l'industrie pharmaceutique", "R162-50-13", "note:12"),
            c("déclaration de conflit d'intérêts", "note:12", "R162-50-13"),
            c("qui peut porter un projet, une association ?", "note:01", "note:02"),
            c("crédits d'amorçage et d'ingénierie", "note:06"),
            c("période transitoire de 18 mois", "note:06", "L162-31-1"),
            c("appel à projets régional", "R162-50-10", "note:05"),
            c("arrêté d'autorisation de l'expérimentation", "R162-50-9", "note:05"),
            c("généralisation de l'expérimentation", "R162-50-2", "R162-50-14", "note:07", "note:10"),
            c("comment rédiger la lettre d'intention", "note:08"),
            c("forfait journalier hospitalier", "L174-4"),
            // accent-less, typos
            c("derogations experimentation", "note:03", "L162-31-1", "note:02"),
            c("evaluation des experimentations", "R162-50-14", "note:10"),
            c("comite technique innovation sante", "R162-50-2", "note:07"),
            c("lettre d intention", "note:08"),
            c("cahier des charge", "note:09", "R162-50-6"),
            c("experimentations pour l innovation dans le systeme de sante", "L162-31-1", "note:01"),
            c("conseil strategique", "R162-50-3", "note:07"),
            c("haute autorite de sante avis", "R162-50-8", "note:07"),
            c("telemedecine", "note:14", "L162-31-1"),
            c("ARS outre mer", "note:05"),
            c("derrogation tarifaire", "note:03", "L162-31-1"),
            c("categorie experimentation", "R162-50-1", "note:04"));

    static Case c(String query, String... expected) {
        return new Case(query, List.of(expected));
    }

    @Autowired
    KnowledgeSearchService search;
    @Autowired
    KnowledgeIndex index;
    @Autowired
    Fixtures fixtures;
    Account holder;

    @BeforeEach
    void setUp() {
        assertThat(index.awaitReady(5, TimeUnit.MINUTES)).as("index built").isTrue();
        holder = fixtures.account(Role.HOLDER, "Hélène");
    }

    @Test
    void recallAt5AndMrr() {
        int found = 0;
        double reciprocal = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : CASES) {
            List<KnowledgeHit> hits = Fixtures.as(holder, () -> search.search(c.query(), 5));
            int rank = 0;
            for (int i = 0; i < hits.size() && rank == 0; i++) {
                if (matches(hits.get(i), c.expected())) {
                    rank = i + 1;
                }
            }
            if (rank > 0) {
                found++;
                reciprocal += 1.0 / rank;
            } else {
                misses.add(c.query() + " → expected " + c.expected() + ", got "
                        + hits.stream().map(h -> h.ref() != null ? h.ref() : "note:" + h.noteId()).toList());
            }
        }
        double recall = (double) found / CASES.size();
        double mrr = reciprocal / CASES.size();
        System.out.printf(Locale.ROOT, "Knowledge relevance: %d queries, recall@5 = %.3f, MRR = %.3f%n", CASES.size(), recall, mrr);
        misses.forEach(m -> System.out.println("  miss: " + m));
        printLatency();
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(60);
        assertThat(recall).as("recall@5; misses: %s", misses).isGreaterThanOrEqualTo(0.9);
    }

    /** Informative only (never asserted): service latency over the suite's queries, warm, on this machine. */
    private void printLatency() {
        List<Long> micros = new ArrayList<>();
        // the first rounds let the JIT compile the search path (as in a running server); only the last are timed
        for (int round = 0; round < 8; round++) {
            for (Case c : CASES) {
                long t = System.nanoTime();
                Fixtures.as(holder, () -> search.search(c.query(), 10));
                if (round >= 5) {
                    micros.add((System.nanoTime() - t) / 1000);
                }
            }
        }
        micros.sort(Long::compare);
        System.out.printf(Locale.ROOT, "Knowledge search latency (service, warm, top 10 with snippets, %d queries): p50 %.1f ms, p95 %.1f ms (load average %s)%n",
                micros.size(), micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() * 95 / 100) / 1000.0, loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip().split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    static boolean matches(KnowledgeHit hit, List<String> expected) {
        for (String e : expected) {
            if (e.startsWith("note:") ? hit.noteId() != null && hit.noteId().startsWith(e.substring(5)) : e.equals(hit.ref())) {
                return true;
            }
        }
        return false;
    }
}
