package fr.atelier51.knowledge.service;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article's HTML into paragraphs labelled with their place in the article's structure (I, II, 1°, a)),
 * and groups them into passages: short articles stay whole; long ones (like L.162-31-1) are split at their
 * I / II / 1° / a) markers so a result shows the paragraph that matched, while the article stays the unit cited.
 */
public final class ArticleSplitter {

    /** Below this many characters an article is one passage. */
    static final int WHOLE_ARTICLE_MAX = 1800;
    private static final int TARGET = 1200;
    private static final int HARD_MAX = 2400;

    private static final Pattern ROMAN = Pattern.compile("^([IVX]{1,6})\\s*\\.?\\s*[-–—]");
    private static final Pattern ORDINAL = Pattern.compile("^(\\d{1,2})\\s?°");
    private static final Pattern LETTER = Pattern.compile("^([a-z])\\)");

    public record Chunk(String roman, String ordinal, String letter, String text) {
        String label() {
            StringBuilder b = new StringBuilder();
            if (roman != null) {
                b.append(roman);
            }
            if (ordinal != null) {
                b.append(b.isEmpty() ? "" : ", ").append(ordinal).append('°');
            }
            if (letter != null) {
                b.append(b.isEmpty() ? "" : " ").append(letter).append(')');
            }
            return b.toString();
        }
    }

    /** A passage of an article: its anchor label ("II, 1° a)", empty for the start) and plain text. */
    public record Part(String anchor, String text) {
    }

    private ArticleSplitter() {
    }

    /** Plain text of the article's HTML, one line per paragraph. */
    public static String plainText(String html) {
        StringBuilder b = new StringBuilder();
        for (Chunk c : paragraphs(html)) {
            b.append(c.text()).append('\n');
        }
        return b.toString().strip();
    }

    public static List<Chunk> paragraphs(String html) {
        List<String> lines = new ArrayList<>();
        if (html != null && !html.isBlank()) {
            Element body = Jsoup.parseBodyFragment(html).body();
            StringBuilder current = new StringBuilder();
            collect(body, current, lines);
            flush(current, lines);
        }
        List<Chunk> chunks = new ArrayList<>(lines.size());
        String roman = null;
        String ordinal = null;
        String letter = null;
        for (String line : lines) {
            Matcher m;
            if ((m = ROMAN.matcher(line)).find()) {
                roman = m.group(1);
                ordinal = null;
                letter = null;
            } else if ((m = ORDINAL.matcher(line)).find()) {
                ordinal = m.group(1);
                letter = null;
            } else if ((m = LETTER.matcher(line)).find()) {
                letter = m.group(1);
            }
            chunks.add(new Chunk(roman, ordinal, letter, line));
        }
        return chunks;
    }

    public static List<Part> split(String html) {
        List<Chunk> chunks = paragraphs(html);
        int total = chunks.stream().mapToInt(c -> c.text().length() + 1).sum();
        if (total <= WHOLE_ARTICLE_MAX) {
            return List.of(new Part("", join(chunks, 0, chunks.size())));
        }
        List<Part> parts = new ArrayList<>();
        int start = 0;
        int length = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            if (i > start) {
                boolean romanStarts = ROMAN.matcher(c.text()).find();
                boolean ordinalStarts = ORDINAL.matcher(c.text()).find();
                boolean letterStarts = LETTER.matcher(c.text()).find();
                boolean cut = (romanStarts && length > 200)
                        || (ordinalStarts && length > 500)
                        || (letterStarts && length > TARGET)
                        || length + c.text().length() > HARD_MAX;
                if (cut) {
                    parts.add(new Part(chunks.get(start).label(), join(chunks, start, i)));
                    start = i;
                    length = 0;
                }
            }
            length += c.text().length() + 1;
        }
        parts.add(new Part(chunks.get(start).label(), join(chunks, start, chunks.size())));
        return parts;
    }

    private static String join(List<Chunk> chunks, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(chunks.get(i).text()).append('\n');
        }
        return b.toString().strip();
    }

    private static void collect(Node node, StringBuilder current, List<String> lines) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                current.append(text.text());
            } else if (child instanceof Element el) {
                String tag = el.normalName();
                switch (tag) {
                    case "br" -> flush(current, lines);
                    case "p", "div", "tr", "table", "li", "center", "h1", "h2", "h3", "h4" -> {
                        flush(current, lines);
                        collect(el, current, lines);
                        flush(current, lines);
                    }
                    case "td", "th" -> {
                        collect(el, current, lines);
                        current.append(" | ");
                    }
                    default -> collect(el, current, lines);
                }
            }
        }
    }

    private static void flush(StringBuilder current, List<String> lines) {
        String line = current.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").replaceAll("(\\s\\|\\s?)+$", "").strip();
        if (!line.isEmpty()) {
            lines.add(line);
        }
        current.setLength(0);
    }
}
