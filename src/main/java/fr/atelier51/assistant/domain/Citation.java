package fr.atelier51.assistant.domain;

/** A source for a statement: label as shown ("CSS, art. L.162-31-1") and a link (knowledge route or Légifrance), may be null. */
public record Citation(String label, String url) {

    public static Citation article(String ref) {
        String normalised = ref.replaceAll("[.\\s]", "");
        return new Citation("CSS, art. " + ref, "/knowledge/articles/" + normalised);
    }

    public static Citation note(String id, String title) {
        return new Citation("Note Atelier 51 : " + title, "/knowledge/notes/" + id);
    }
}
