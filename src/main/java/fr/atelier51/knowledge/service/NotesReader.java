package fr.atelier51.knowledge.service;

import fr.atelier51.knowledge.domain.Note;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads our methodology notes (knowledge/*.md, copied by the build to classpath {@code knowledge-notes/}):
 * front matter (title, kind, references, updated), then sections at the "## " headings.
 */
public class NotesReader {

    public List<Note> readAll() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:knowledge-notes/*.md");
            List<Note> notes = new ArrayList<>();
            for (Resource r : resources) {
                String name = r.getFilename();
                if (name == null || name.equalsIgnoreCase("README.md")) {
                    continue;
                }
                notes.add(parse(name.substring(0, name.length() - 3), r.getContentAsString(StandardCharsets.UTF_8)));
            }
            notes.sort(Comparator.comparing(Note::id));
            return notes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the knowledge notes", e);
        }
    }

    public static Note parse(String id, String content) {
        String text = content.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String title = id;
        List<String> references = List.of();
        String updated = null;
        String body = text;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                for (String line : text.substring(4, end).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    String key = line.substring(0, colon).strip();
                    String value = line.substring(colon + 1).strip();
                    switch (key) {
                        case "title" -> title = unquote(value);
                        case "updated" -> updated = unquote(value);
                        case "references" -> references = Arrays.stream(value.replaceAll("^\\[|]$", "").split(","))
                                .map(String::strip).map(NotesReader::unquote).filter(s -> !s.isEmpty()).toList();
                        default -> {
                        }
                    }
                }
                int bodyStart = text.indexOf('\n', end + 1);
                body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
            }
        }
        return new Note(id, title, references, updated, body.strip(), sections(body));
    }

    private static List<Note.Section> sections(String body) {
        List<Note.Section> sections = new ArrayList<>();
        String heading = null;
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            }
            if (!inFence && line.startsWith("## ")) {
                add(sections, heading, current);
                heading = line.substring(3).strip();
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        add(sections, heading, current);
        return sections;
    }

    private static void add(List<Note.Section> sections, String heading, StringBuilder markdown) {
        String md = markdown.toString().strip();
        if (heading == null && md.isEmpty()) {
            return;
        }
        String h = heading == null ? "" : heading;
        sections.add(new Note.Section(slug(h.isEmpty() ? "introduction" : h), h, md));
    }

    /** URL fragment for a heading: lower-case ASCII words joined by dashes. */
    public static String slug(String heading) {
        String ascii = Normalizer.normalize(heading, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "section" : slug;
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
