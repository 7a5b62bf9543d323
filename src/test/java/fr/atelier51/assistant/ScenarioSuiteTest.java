package fr.atelier51.assistant;

import fr.atelier51.assistant.Scenarios.Scenario;
import fr.atelier51.assistant.domain.Derogation;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.service.InterviewEngine;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario suite of issue 4: per-field accuracy over ideas written as holders write them; ≥ 90 % on every field. */
class ScenarioSuiteTest {

    static final InterviewEngine ENGINE = new InterviewEngine((q, n) -> List.of());

    static ProjectRecord run(Scenario s) {
        ProjectRecord r = new ProjectRecord();
        for (String m : s.messages()) {
            r = ENGINE.reply(r, m).record();
        }
        return r;
    }

    static String destination(ProjectRecord r) {
        return r.getDestination() == null ? null : r.getDestination().isRapporteurGeneral() ? "RG" : r.getDestination().region().name();
    }

    @Test
    void perFieldAccuracyIsAtLeastNinetyPercent() {
        assertThat(Scenarios.ALL).hasSizeGreaterThanOrEqualTo(25);
        Map<String, Integer> ok = new LinkedHashMap<>();
        for (String f : List.of("scope", "destination", "derogations", "has", "verdict")) {
            ok.put(f, 0);
        }
        StringBuilder misses = new StringBuilder();
        for (Scenario s : Scenarios.ALL) {
            ProjectRecord r = run(s);
            Set<String> derogations = r.keptDerogations().stream().map(Derogation::getCode).collect(Collectors.toSet());
            score(ok, "scope", Objects.equals(s.scope(), r.getScope()), s, r.getScope(), misses);
            score(ok, "destination", Objects.equals(s.destination(), destination(r)), s, destination(r), misses);
            score(ok, "derogations", s.derogations().equals(derogations), s, derogations, misses);
            score(ok, "has", s.has() == r.needsHasOpinion(), s, r.needsHasOpinion(), misses);
            score(ok, "verdict", s.verdict() == r.getVerdict(), s, r.getVerdict() + " — " + r.getVerdictExplanation(), misses);
        }
        int n = Scenarios.ALL.size();
        StringBuilder report = new StringBuilder("Scenario suite (" + n + " ideas):\n");
        ok.forEach((f, c) -> report.append(String.format("  %-12s %3d/%d = %5.1f %%%n", f, c, n, 100.0 * c / n)));
        System.out.println(report);
        System.out.println(misses);
        ok.forEach((f, c) -> assertThat(100.0 * c / n).as(f + " accuracy\n" + misses).isGreaterThanOrEqualTo(90.0));
    }

    private static void score(Map<String, Integer> ok, String field, boolean good, Scenario s, Object actual, StringBuilder misses) {
        if (good) {
            ok.merge(field, 1, Integer::sum);
        } else {
            misses.append("  MISS ").append(field).append(" [").append(s.name()).append("] got ").append(actual).append('\n');
        }
    }
}
