package fr.atelier51.knowledge.domain;

import java.util.List;

/**
 * One of our methodology notes (knowledge/*.md): front matter plus Markdown body, split into sections at the
 * level-2 headings (each section is one searchable, citable passage).
 */
public record Note(String id, String title, List<String> references, String updated, String markdown,
                   List<Section> sections) {

    public record Section(String anchor, String heading, String markdown) {
    }
}
