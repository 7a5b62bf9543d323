package fr.atelier51.assistant.service;

/**
 * A retrieved passage of the knowledge base.
 *
 * @param label   citation label as shown, e.g. "Note « Financement FISS et FIR » › Le FISS"
 * @param url     route that opens the passage: {@code /knowledge/notes/<id>} or {@code /knowledge/articles/<ref>}
 * @param snippet a short extract (plain text)
 */
public record Passage(String label, String url, String snippet) {
}
