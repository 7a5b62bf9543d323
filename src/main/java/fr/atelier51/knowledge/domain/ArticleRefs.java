package fr.atelier51.knowledge.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Article references of the French codes, normalised to one spelling: the letter(s), then the number without
 * dots or spaces ({@code L162-31-1}, {@code R162-50-6}, {@code D178-1}, {@code LO111-3}). Texts write
 * "L. 162-31-1", "art. R.162-50-6", "article L 160-13 du CSS"; users also type "l162-31-1" or "L.162.31.1".
 */
public final class ArticleRefs {

    /** Legal texts: an upper-case letter; the number has at least one dash (all code articles do). */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![\\p{L}\\d])(LO|L|R|D|A)[\\s.*]{0,3}(\\d{1,4}(?:\\s?[-‑–]\\s?\\d{1,4}){1,4})(?![\\d\\p{L}])");

    /** Queries: any case, dots for dashes accepted, "art."/"article" prefixes optional. */
    private static final Pattern IN_QUERY = Pattern.compile(
            "(?i)(?<![\\p{L}\\d])(LO|L|R|D)[\\s.*]{0,4}(\\d{1,4}(?:\\s?[-‑–.]\\s?\\d{1,4}){1,4})(?![\\d\\p{L}])");

    /** A bare number such as 162-31-1 (the user left out the letter). */
    private static final Pattern BARE = Pattern.compile("^\\s*(?:art(?:icle)?\\.?\\s*)?(\\d{1,4}(?:\\s?[-.]\\s?\\d{1,4}){1,4})\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Words that may surround a reference typed alone ("article L 160-13 du CSS"). */
    private static final Pattern FILLER = Pattern.compile(
            "(?iu)\\b(?:art(?:icle)?s?|du|de|la|le|l|code|css|c\\.?\\s?s\\.?\\s?s|sécurité|securite|sociale|travail|trav|version|en|vigueur)\\b|[\\s.,;:()«»\"'’*-]");

    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern DASHES = Pattern.compile("[‑–.]");

    private ArticleRefs() {
    }

    /** References cited in a legal or note text, normalised, in order of appearance, without duplicates. */
    public static Set<String> findInText(String text) {
        return find(IN_TEXT, text);
    }

    /** References typed in a query, whatever the spelling. */
    public static Set<String> findInQuery(String query) {
        return find(IN_QUERY, query);
    }

    /** The references a query names and the query without them (each replaced by a space). */
    public record InQuery(Set<String> refs, String rest) {
    }

    /** {@link #findInQuery} and {@link #stripFromQuery} in one pass (a search needs both). */
    public static InQuery inQuery(String query) {
        Set<String> refs = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(query.length());
        Matcher m = IN_QUERY.matcher(query);
        int last = 0;
        while (m.find()) {
            refs.add(build(m));
            rest.append(query, last, m.start()).append(' ');
            last = m.end();
        }
        rest.append(query, last, query.length());
        return new InQuery(refs, rest.toString());
    }

    /** The single reference when the query is only a reference (with "art.", "du CSS" around), else empty. */
    public static Optional<String> onlyReference(String query) {
        return query == null ? Optional.empty() : onlyReference(query, inQuery(query));
    }

    /** Same, from the query's references found beforehand. */
    public static Optional<String> onlyReference(String query, InQuery found) {
        if (query.isBlank() || query.length() > 120 || found.refs().size() != 1) {
            return Optional.empty();
        }
        return FILLER.matcher(found.rest()).replaceAll("").isEmpty() ? Optional.of(found.refs().iterator().next())
                : Optional.empty();
    }

    /** "162-31-1" alone: the number without its letter, for the caller to try L, R, D. */
    public static Optional<String> bareNumber(String query) {
        if (query == null) {
            return Optional.empty();
        }
        Matcher m = BARE.matcher(query);
        return m.matches() ? Optional.of(WHITESPACE.matcher(m.group(1)).replaceAll("").replace('.', '-')) : Optional.empty();
    }

    /** Normalises one reference ("l. 162-31-1" → "L162-31-1"); empty if it is not one. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Set<String> refs = findInQuery(raw.strip());
        return refs.size() == 1 ? Optional.of(refs.iterator().next()) : Optional.empty();
    }

    /** Display form with the usual dot: "L162-31-1" → "L.162-31-1". */
    public static String display(String normalised) {
        // by hand, not with a regular expression: every search hit shows one
        int letters = normalised.startsWith("LO") ? 2 : normalised.isEmpty() || "LRDA".indexOf(normalised.charAt(0)) < 0 ? 0 : 1;
        boolean digitNext = letters > 0 && normalised.length() > letters
                && normalised.charAt(letters) >= '0' && normalised.charAt(letters) <= '9';
        return digitNext ? normalised.substring(0, letters) + "." + normalised.substring(letters) : normalised;
    }

    /** Text spans of references in a legal text, for turning them into links. */
    public static List<Span> spansInText(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            spans.add(new Span(m.start(), m.end(), build(m)));
        }
        return spans;
    }

    /** Removes references from a query, leaving the words to analyse. */
    public static String stripFromQuery(String query) {
        return IN_QUERY.matcher(query).replaceAll(" ");
    }

    public record Span(int start, int end, String ref) {
    }

    private static Set<String> find(Pattern pattern, String text) {
        Set<String> refs = new LinkedHashSet<>();
        if (text == null) {
            return refs;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            refs.add(build(m));
        }
        return refs;
    }

    private static String build(Matcher m) {
        String number = DASHES.matcher(WHITESPACE.matcher(m.group(2)).replaceAll("")).replaceAll("-");
        return m.group(1).toUpperCase() + number;
    }
}
