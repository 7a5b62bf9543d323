package fr.atelier51.assistant.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stop-gap retrieval over the methodology notes in {@code knowledge/*.md}: one passage per "## " section, scored by
 * how many query words it contains (heading words count triple). Loaded once at start-up; no index, no stemming
 * beyond a crude prefix match. Replaced by the Lucene knowledge base when it lands.
 */
@Component
public class MarkdownNotesRetriever implements PassageRetriever {

    private static final Logger log = LoggerFactory.getLogger(MarkdownNotesRetriever.class);
    private static final Pattern TITLE = Pattern.compile("(?m)^title:\\s*\"?(.*?)\"?\\s*$");
    private static final Set<String> STOP = Set.of("les", "des", "une", "est", "que", "qui", "quoi", "pour", "dans", "sur",
            "avec", "par", "pas", "faut", "il", "elle", "mon", "mes", "notre", "nos", "vos", "votre", "c'est", "qu'est",
            "est-ce", "comment", "quel", "quelle", "quels", "quelles", "aux", "ces", "ses", "son", "sont", "projet", "peut",
            "dois", "doit", "the", "and", "what");

    record Section(String noteId, String noteTitle, String heading, String body, String foldedHeading, String foldedBody) {
    }

    private final List<Section> sections = new ArrayList<>();

    public MarkdownNotesRetriever(@Value("${atelier51.assistant.notes-dir:knowledge}") String notesDir) {
        Path dir = Path.of(notesDir);
        if (!Files.isDirectory(dir)) {
            log.warn("Assistant: no notes directory at {}; free questions will be answered without passages", dir.toAbsolutePath());
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted().forEach(this::load);
        } catch (IOException e) {
            log.warn("Assistant: cannot read notes in {}", dir, e);
        }
    }

    private void load(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String id = file.getFileName().toString().replaceFirst("\\.md$", "");
            Matcher t = TITLE.matcher(text);
            String title = t.find() ? t.group(1) : id;
            String body = text.replaceFirst("(?s)^---.*?\\n---\\s*\\n", "");
            String[] parts = body.split("(?m)^## ");
            for (int i = 1; i < parts.length; i++) {
                int nl = parts[i].indexOf('\n');
                String heading = (nl < 0 ? parts[i] : parts[i].substring(0, nl)).strip();
                String content = nl < 0 ? "" : parts[i].substring(nl + 1).strip();
                sections.add(new Section(id, title, heading, content, Text.fold(heading), Text.fold(content)));
            }
        } catch (IOException e) {
            log.warn("Assistant: cannot read note {}", file, e);
        }
    }

    @Override
    public List<Passage> retrieve(String query, int limit) {
        if (query == null || query.isBlank() || sections.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String w : Text.fold(query.length() > 400 ? query.substring(0, 400) : query).split("[^a-z0-9'-]+")) {
            String s = w.replaceAll("^[a-z]'", "");
            if (s.length() >= 3 && !STOP.contains(s)) {
                words.add(s.length() > 6 ? s.substring(0, 6) : s);
            }
        }
        if (words.isEmpty()) {
            return List.of();
        }
        Map<Section, Integer> scores = new HashMap<>();
        for (Section s : sections) {
            int score = 0;
            for (String w : words) {
                score += 3 * occurrences(s.foldedHeading, w) + Math.min(5, occurrences(s.foldedBody, w));
            }
            if (score > 0) {
                scores.put(s, score);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<Section, Integer>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().noteId()))
                .limit(limit)
                .map(e -> toPassage(e.getKey(), words))
                .toList();
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        int at = text.indexOf(word);
        while (at >= 0 && n < 50) {
            n++;
            at = text.indexOf(word, at + word.length());
        }
        return n;
    }

    private static Passage toPassage(Section s, List<String> words) {
        String plain = s.body.replaceAll("\\*\\*|`|#", "").replaceAll("\\s+", " ");
        String folded = Text.fold(plain);
        int at = words.stream().mapToInt(folded::indexOf).filter(i -> i >= 0).min().orElse(0);
        int start = Math.max(0, plain.lastIndexOf(". ", Math.max(0, at)) + 1);
        if (at - start > 200) {
            start = Math.max(0, at - 80);
        }
        String snippet = plain.substring(start, Math.min(plain.length(), start + 320)).strip();
        if (start + 320 < plain.length()) {
            snippet += "…";
        }
        return new Passage("Note « " + s.noteTitle + " » › " + s.heading, "/knowledge/notes/" + s.noteId, snippet);
    }

    int size() {
        return sections.size();
    }

    static Comparator<Passage> byLabel() {
        return Comparator.comparing(Passage::label);
    }
}
