package fr.atelier51.assistant;

import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.service.InterviewEngine;
import fr.atelier51.assistant.service.MarkdownNotesRetriever;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Turn latency of the deterministic engine (no LLM, no database), over the scenario suite plus free questions and
 * a 20,000-character message, with the Markdown notes retriever. Not a test: run it with
 * {@code mvn -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java -Dexec.mainClass=fr.atelier51.assistant.AssistantBenchmark -Dexec.classpathScope=test}
 */
public final class AssistantBenchmark {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        InterviewEngine engine = new InterviewEngine(new MarkdownNotesRetriever("knowledge"));
        List<List<String>> conversations = new ArrayList<>();
        Scenarios.ALL.forEach(s -> conversations.add(s.messages()));
        conversations.add(List.of("c'est quoi le FISS ?", "faut-il l'avis de la HAS ?", "à qui envoyer la lettre d'intention ?"));
        conversations.add(List.of(InterviewEngineTest.LONG_IDEA + " " + "Nous voulons améliorer le parcours des patients. ".repeat(400)));

        for (int i = 0; i < 20; i++) {
            runAll(engine, conversations, null); // warm-up (JIT)
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            runAll(engine, conversations, nanos);
        }
        Collections.sort(nanos);
        System.out.printf(Locale.ROOT, "Assistant engine turn latency over %d turns (%d conversations × %d rounds), %d CPU(s):%n",
                nanos.size(), conversations.size(), rounds, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  p50 = %.2f ms   p95 = %.2f ms   p99 = %.2f ms   max = %.2f ms%n",
                ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos.getLast() / 1e6);
    }

    private static void runAll(InterviewEngine engine, List<List<String>> conversations, List<Long> out) {
        for (List<String> messages : conversations) {
            ProjectRecord r = new ProjectRecord();
            for (String m : messages) {
                long t0 = System.nanoTime();
                r = engine.reply(r, m).record();
                long t1 = System.nanoTime();
                if (out != null) {
                    out.add(t1 - t0);
                }
            }
        }
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
