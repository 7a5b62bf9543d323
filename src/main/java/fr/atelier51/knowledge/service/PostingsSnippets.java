package fr.atelier51.knowledge.service;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Highlighted snippets of the hits shown, from the match offsets indexed in the postings of the text field: no
 * re-analysis, and one term-dictionary seek and one postings enum per query term for all the hits of the page
 * (Lucene's UnifiedHighlighter seeks every term again for every document, which was most of its cost here).
 * The text is cut into fragments at full stops and line ends (at least {@link #MIN_FRAGMENT} characters, at most
 * {@link #MAX_FRAGMENT}); the fragments with the most distinct query terms are shown, in text order, matches in
 * {@code <mark>}, everything else HTML-escaped.
 */
final class PostingsSnippets {

    static final int MIN_FRAGMENT = 160;
    static final int MAX_FRAGMENT = 400;
    private static final String ELLIPSIS = " … ";

    private PostingsSnippets() {
    }

    /**
     * @param docs  top-level doc ids of the hits
     * @param texts the stored text of each hit (same order), possibly cut to a maximum length
     * @return one snippet per hit, null for a hit where no term matched
     */
    static String[] of(IndexReader reader, String field, Collection<String> terms, int[] docs, String[] texts,
                       int maxFragments) throws IOException {
        return of(reader, field, terms, Map.of(), docs, texts, maxFragments);
    }

    /** @param looked the terms already looked up in the term dictionary (by the query), whose lookup is reused */
    static String[] of(IndexReader reader, String field, Collection<String> terms, Map<String, TermStates> looked,
                       int[] docs, String[] texts, int maxFragments) throws IOException {
        Matches[] matches = collect(reader, field, terms, looked, docs);
        String[] out = new String[docs.length];
        Html html = new Html(); // one buffer for the page's snippets
        for (int i = 0; i < docs.length; i++) {
            out[i] = matches[i].isEmpty() || texts[i] == null ? null : snippet(texts[i], matches[i], maxFragments, html);
        }
        return out;
    }

    /**
     * Match offsets per hit, walking each term's postings once over the sorted hits. A match is packed in a long
     * (start, end, term number, in that order of significance), so sorting the longs sorts the matches by start.
     */
    private static Matches[] collect(IndexReader reader, String field, Collection<String> terms,
                                     Map<String, TermStates> looked, int[] docs) throws IOException {
        Matches[] matches = new Matches[docs.length];
        for (int i = 0; i < docs.length; i++) {
            matches[i] = new Matches();
        }
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        List<LeafReaderContext> leaves = reader.leaves();
        int from = 0;
        while (from < order.length) {
            int leafIndex = ReaderUtil.subIndex(docs[order[from]], leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            int to = from;
            while (to < order.length && docs[order[to]] < leaf.docBase + leaf.reader().maxDoc()) {
                to++;
            }
            Terms fieldTerms = leaf.reader().terms(field);
            if (fieldTerms != null && fieldTerms.hasOffsets()) {
                TermsEnum te = fieldTerms.iterator();
                PostingsEnum postings = null;
                int termNumber = 0;
                for (String term : terms) {
                    termNumber++;
                    TermStates states = looked.get(term);
                    if (states != null) {
                        var state = states.get(leaf);
                        if (state == null || state.get() == null) {
                            continue;
                        }
                        te.seekExact(new BytesRef(term), state.get());
                    } else if (!te.seekExact(new BytesRef(term))) {
                        continue;
                    }
                    postings = te.postings(postings, PostingsEnum.OFFSETS);
                    for (int k = from; k < to; k++) {
                        int hit = order[k];
                        int local = docs[hit] - leaf.docBase;
                        int at = postings.docID() < local ? postings.advance(local) : postings.docID();
                        if (at == DocIdSetIterator.NO_MORE_DOCS) {
                            break;
                        }
                        if (at == local) {
                            for (int f = postings.freq(); f > 0; f--) {
                                postings.nextPosition();
                                matches[hit].add(postings.startOffset(), postings.endOffset(), termNumber);
                            }
                        }
                    }
                }
            }
            from = to;
        }
        return matches;
    }

    /** The matches of a hit, packed: start in the high 32 bits, then end (24 bits), then the term number (8). */
    private static final class Matches {
        private long[] packed = new long[16];
        private int size;

        void add(int start, int end, int term) {
            if (start < 0 || end <= start || end >= 1 << 24) {
                return; // no offsets, or beyond any text we highlight
            }
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = (long) start << 32 | (long) end << 8 | (term & 0xFF);
        }

        boolean isEmpty() {
            return size == 0;
        }

        static int start(long m) {
            return (int) (m >>> 32);
        }

        static int end(long m) {
            return (int) (m >>> 8) & 0xFF_FFFF;
        }

        static int term(long m) {
            return (int) m & 0xFF;
        }
    }

    private static String snippet(String text, Matches found, int maxFragments, Html out) {
        long[] sorted = found.packed;
        Arrays.sort(sorted, 0, found.size);
        // the marks shown: in text order, none overlapping the previous one, inside the (possibly cut) text
        long[] marks = new long[found.size];
        int count = 0;
        int lastEnd = -1;
        for (int k = 0; k < found.size; k++) {
            long m = sorted[k];
            if (Matches.start(m) >= lastEnd && Matches.end(m) <= text.length()) {
                marks[count++] = m;
                lastEnd = Matches.end(m);
            }
        }
        if (count == 0) {
            return null;
        }
        // fragments are cut from the start of the text: none after the last match is needed
        List<int[]> fragments = fragments(text, Matches.end(marks[count - 1]));
        // score: distinct terms first, then number of matches; marks are sorted, so walk both lists together
        int[] scores = new int[fragments.size()];
        int[] firstMark = new int[fragments.size()];
        int[] endMark = new int[fragments.size()];
        int m = 0;
        for (int f = 0; f < fragments.size(); f++) {
            int[] frag = fragments.get(f);
            while (m < count && Matches.start(marks[m]) < frag[0]) {
                m++;
            }
            firstMark[f] = m;
            long seen = 0;
            int inFragment = 0;
            while (m < count && Matches.end(marks[m]) <= frag[1]) {
                seen |= 1L << (Matches.term(marks[m]) & 63);
                inFragment++;
                m++;
            }
            endMark[f] = m;
            scores[f] = inFragment == 0 ? 0 : Long.bitCount(seen) * 1000 + Math.min(inFragment, 999);
        }
        // the maxFragments best (score, then text order), picked in turn: there are few to pick among many
        boolean[] chosen = new boolean[fragments.size()];
        for (int shown = 0; shown < maxFragments; shown++) {
            int pick = -1;
            for (int f = 0; f < scores.length; f++) {
                if (!chosen[f] && scores[f] > 0 && (pick < 0 || scores[f] > scores[pick])) {
                    pick = f;
                }
            }
            if (pick < 0) {
                break;
            }
            chosen[pick] = true;
        }
        out.clear();
        for (int f = 0; f < fragments.size(); f++) {
            if (!chosen[f]) {
                continue;
            }
            if (out.length > 0) {
                out.append(ELLIPSIS);
            }
            int pos = fragments.get(f)[0];
            for (int k = firstMark[f]; k < endMark[f]; k++) {
                int start = Matches.start(marks[k]);
                int end = Matches.end(marks[k]);
                out.escaped(text, pos, start);
                out.append("<mark>");
                out.escaped(text, start, end);
                out.append("</mark>");
                pos = end;
            }
            out.escaped(text, pos, fragments.get(f)[1]);
        }
        return out.toString().strip();
    }

    /** Fragments {start, end}: cut after a full stop or a line end once long enough, or at a space when too long. */
    static List<int[]> fragments(String text) {
        return fragments(text, text.length());
    }

    /**
     * The fragments up to the one holding offset {@code until - 1} (the same cuts as for the whole text). Jumps
     * with {@code indexOf} from one possible cut to the next instead of reading every character.
     */
    static List<int[]> fragments(String text, int until) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        Stops stops = new Stops(text);
        while (start < n && start < until) {
            int cut = nextCut(text, start, stops);
            if (cut < 0) {
                break;
            }
            out.add(new int[]{start, cut});
            start = cut;
        }
        if (start < n && start < until) {
            out.add(new int[]{start, n});
        }
        return out;
    }

    /**
     * Where the fragment starting at {@code start} ends (exclusive), or -1 if it runs to the end of the text: after
     * the first full stop or line end once {@link #MIN_FRAGMENT} long; failing that, once {@link #MAX_FRAGMENT}
     * long, before the last space (or the next one, in a very long word).
     */
    private static int nextCut(String text, int start, Stops stops) {
        int n = text.length();
        int stop = stops.next(start + MIN_FRAGMENT - 1);
        int limit = start + MAX_FRAGMENT - 1;
        if (stop >= 0 && stop <= limit) {
            return stop + 1;
        }
        if (limit >= n) {
            return -1;
        }
        int space = text.lastIndexOf(' ', limit);
        if (space > start) {
            return space;
        }
        int next = text.indexOf(' ', limit + 1);
        if (stop >= 0 && (next < 0 || stop < next)) {
            return stop + 1;
        }
        return next;
    }

    /**
     * The next full stop or line end at or after a position, for positions that only grow: each is searched once
     * and kept while still ahead (searching both again for every fragment made a text without line ends, or
     * without full stops, cost its length per fragment).
     */
    private static final class Stops {
        private final String text;
        private int dot = -2; // -2: not searched yet; -1: none after the last position asked
        private int line = -2;

        Stops(String text) {
            this.text = text;
        }

        int next(int from) {
            if (dot == -2 || (dot >= 0 && dot < from)) {
                dot = text.indexOf('.', from);
            }
            if (line == -2 || (line >= 0 && line < from)) {
                line = text.indexOf('\n', from);
            }
            return dot < 0 ? line : line < 0 ? dot : Math.min(dot, line);
        }
    }

    /**
     * The snippet's characters, HTML-escaped for element content (the snippet is only ever shown as an element's
     * content: &amp;, &lt; and &gt; are what must be escaped there). Text runs are copied with {@code getChars};
     * a StringBuilder checked and copied French text (apostrophes, « œ ») character by character.
     */
    private static final class Html {
        private char[] buf = new char[1024];
        private int length;

        void clear() {
            length = 0;
        }

        void append(String s) {
            ensure(s.length());
            s.getChars(0, s.length(), buf, length);
            length += s.length();
        }

        void escaped(String text, int from, int to) {
            int run = from;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '&' || c == '<' || c == '>') {
                    copy(text, run, i);
                    append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
                    run = i + 1;
                }
            }
            copy(text, run, to);
        }

        private void copy(String text, int from, int to) {
            ensure(to - from);
            text.getChars(from, to, buf, length);
            length += to - from;
        }

        private void ensure(int more) {
            if (length + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
            }
        }

        @Override
        public String toString() {
            return new String(buf, 0, length);
        }
    }
}
