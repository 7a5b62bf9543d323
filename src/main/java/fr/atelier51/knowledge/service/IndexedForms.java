package fr.atelier51.knowledge.service;

import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The multi-word synonym forms ("loi de financement de la sécurité sociale", "cinq ans"…) found in a passage at
 * index time. A query that mentions an acronym used to look for each of its long forms with a phrase query, and
 * those phrases, made of words as common as « sécurité » and « sociale », were the costliest clauses of a search
 * (the postings of every word intersected and their positions compared on each search). The index now records
 * one token per occurrence of a form in the {@link KnowledgeFields#FORMS} field, and the query looks the token up.
 * <p>An occurrence is what a phrase query with a slop of one finds: the form's words (as the text analyzer makes
 * them, stop words leaving their gaps) at their relative positions, give or take one position.
 */
final class IndexedForms {

    /** A form's analysed words, their positions relative to the first, and its token. */
    private record Form(String[] terms, int[] offsets, String token) {
    }

    private final Analyzer analyzer;
    private final List<Form> forms = new ArrayList<>();
    private final Map<String, String> tokenByForm = new HashMap<>();

    IndexedForms(Analyzer textAnalyzer, List<String> allForms) {
        this.analyzer = textAnalyzer;
        Map<String, Form> byToken = new LinkedHashMap<>();
        for (String form : allForms) {
            FrenchAnalyzers.Positioned p = FrenchAnalyzers.positioned(textAnalyzer, KnowledgeFields.TEXT, form);
            if (p == null || p.terms().size() < 2) {
                continue; // one word: an ordinary term query on the text is as cheap
            }
            int first = p.positions().getFirst();
            int[] offsets = p.positions().stream().mapToInt(pos -> pos - first).toArray();
            // the token says which words at which gaps: two spellings that analyse alike share it
            StringBuilder token = new StringBuilder();
            for (int i = 0; i < offsets.length; i++) {
                token.append(i == 0 ? "" : "_" + (offsets[i] - offsets[i - 1] > 1 ? "_" : "")).append(p.terms().get(i));
            }
            Form f = byToken.computeIfAbsent(token.toString(), t -> new Form(p.terms().toArray(String[]::new), offsets, t));
            tokenByForm.put(form, f.token());
        }
        forms.addAll(byToken.values());
    }

    /** The forms of {@link DomainSynonyms}, analysed once for the index and the queries. */
    static final IndexedForms DOMAIN = new IndexedForms(FrenchAnalyzers.text(), DomainSynonyms.allForms());

    /** The token of a multi-word form (as listed in {@link DomainSynonyms}), empty for a one-word form. */
    Optional<String> token(String form) {
        return Optional.ofNullable(tokenByForm.get(form));
    }

    /** Every token, in a stable order: part of the index fingerprint, so a change of the synonym list rebuilds. */
    String signature() {
        return String.join(" ", forms.stream().map(Form::token).toList());
    }

    /** The tokens of the forms a text holds, one per occurrence, space-separated ("" when none). */
    String tokensOf(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        FrenchAnalyzers.Positioned p = FrenchAnalyzers.positioned(analyzer, KnowledgeFields.TEXT, text);
        if (p == null) {
            return "";
        }
        Map<String, List<Integer>> positions = new HashMap<>();
        for (int i = 0; i < p.terms().size(); i++) {
            positions.computeIfAbsent(p.terms().get(i), t -> new ArrayList<>(2)).add(p.positions().get(i));
        }
        StringBuilder out = new StringBuilder();
        for (Form form : forms) {
            List<Integer> starts = positions.get(form.terms()[0]);
            if (starts == null || !allPresent(form, positions)) {
                continue;
            }
            for (int start : starts) {
                if (matchesAround(form, start, positions)) {
                    out.append(out.isEmpty() ? "" : " ").append(form.token());
                }
            }
        }
        return out.toString();
    }

    private static boolean allPresent(Form form, Map<String, List<Integer>> positions) {
        for (String term : form.terms()) {
            if (!positions.containsKey(term)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the form occurs with its first word at {@code start}: every word's position minus its offset in the
     * form falls in a window of two consecutive positions (a sloppy phrase of slop one) that holds {@code start}.
     */
    private static boolean matchesAround(Form form, int start, Map<String, List<Integer>> positions) {
        for (int low = start - 1; low <= start; low++) {
            if (allWithin(form, low, positions)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allWithin(Form form, int low, Map<String, List<Integer>> positions) {
        for (int i = 1; i < form.terms().length; i++) {
            boolean found = false;
            for (int pos : positions.get(form.terms()[i])) {
                int shifted = pos - form.offsets()[i];
                if (shifted == low || shifted == low + 1) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
