package fr.atelier51.workspace.domain;

/**
 * Where a comment points in a section: a text-quote selector (the quoted passage with a little context before and
 * after it, as in the W3C Web Annotation model) plus the offset and the section version where it was last found.
 */
public record TextQuote(String quote, String prefix, String suffix, int offset, long version) {

    /** Characters of context kept on each side of the passage. */
    public static final int CONTEXT = 32;

    /** The selector of {@code text[from, to)} in the section's text at {@code version}. */
    public static TextQuote of(String text, int from, int to, long version) {
        return new TextQuote(text.substring(from, to), text.substring(Math.max(0, from - CONTEXT), from),
                text.substring(to, Math.min(text.length(), to + CONTEXT)), from, version);
    }

    public int end() {
        return offset + quote.length();
    }
}
