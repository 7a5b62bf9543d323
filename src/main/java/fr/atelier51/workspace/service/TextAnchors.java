package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.TextQuote;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a comment's passage again in a section's current text. The passage's last known place is first carried
 * through the change from the text it was found in (when that text is known): an unchanged passage stays exactly
 * where it is. Otherwise the nearest exact occurrence of the quote wins, its prefix/suffix breaking ties; a
 * passage reworded inside keeps its carried-over place (comments only); a passage deleted is orphaned (null).
 */
public final class TextAnchors {

    /** Context characters that must agree before a deleted passage's quote found elsewhere is taken as moved. */
    private static final int MOVED_CONTEXT = 4;
    /** A quote at least this long is not found elsewhere by chance. */
    private static final int DISTINCTIVE_QUOTE = 30;

    private static final DiffMatchPatch DMP = new DiffMatchPatch();

    static {
        DMP.diffTimeout = 0.5f;
    }

    private TextAnchors() {
    }

    /**
     * The change from {@code from} to {@code to} for carrying positions, as {@link TextOps} operations: a minimal
     * character diff without clean-up, so every character that stays is matched with itself (a cleaned-up diff
     * merges nearby edits into larger replacements and would move anchors that sit between them).
     */
    public static List<Object> changes(String from, String to) {
        List<Object> ops = new ArrayList<>();
        for (DiffMatchPatch.Diff d : DMP.diffMain(from, to, false)) {
            int len = d.text.length();
            if (len > 0) {
                ops.add(switch (d.operation) {
                    case EQUAL -> (Object) len;
                    case DELETE -> (Object) (-len);
                    case INSERT -> d.text;
                });
            }
        }
        return ops;
    }

    /**
     * @param oldText        the section's text at {@code anchor.version()}, or null when unknown
     * @param allowRewording whether a passage changed inside keeps its place (comments) or not (suggestions)
     * @return the anchor in {@code current} at {@code version}, or null when the passage is gone
     */
    public static TextQuote relocate(TextQuote anchor, String oldText, String current, long version, boolean allowRewording) {
        return relocate(anchor, oldText, null, current, version, allowRewording);
    }

    /**
     * Same, with {@code ops} = {@link #changes}{@code (oldText, current)} when the caller has it already (every thread
     * last found in the same version shares one diff); null to compute it here if needed.
     */
    public static TextQuote relocate(TextQuote anchor, String oldText, List<Object> ops, String current, long version,
                                     boolean allowRewording) {
        String quote = anchor.quote();
        int[] mapped = null;
        if (oldText != null && anchor.end() <= oldText.length() && oldText.startsWith(quote, anchor.offset())) {
            if (ops == null) {
                ops = changes(oldText, current);
            }
            mapped = new int[]{map(ops, anchor.offset(), true), map(ops, anchor.end(), false)};
            if (mapped[1] - mapped[0] == quote.length() && current.startsWith(quote, mapped[0])) {
                return TextQuote.of(current, mapped[0], mapped[1], version);
            }
        }
        boolean deleted = mapped != null && mapped[0] >= mapped[1];
        int expected = mapped != null ? mapped[0] : anchor.offset();
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        int bestContext = -1;
        for (int at = current.indexOf(quote); at >= 0 && !quote.isEmpty(); at = current.indexOf(quote, at + 1)) {
            long distance = Math.abs((long) at - expected);
            int context = context(anchor, current, at);
            if (deleted && context < MOVED_CONTEXT && quote.length() < DISTINCTIVE_QUOTE) {
                continue; // the passage was deleted: the same words elsewhere are another passage
            }
            if (distance < bestDistance || (distance == bestDistance && context > bestContext)) {
                best = at;
                bestDistance = distance;
                bestContext = context;
            }
        }
        if (best >= 0) {
            return TextQuote.of(current, best, best + quote.length(), version);
        }
        if (allowRewording && mapped != null && !deleted) {
            return TextQuote.of(current, mapped[0], mapped[1], version);
        }
        return null;
    }

    /** How many characters of the stored prefix and suffix agree with the text around {@code at}. */
    static int context(TextQuote anchor, String text, int at) {
        int score = 0;
        String prefix = anchor.prefix();
        for (int i = 1; i <= prefix.length() && at - i >= 0 && prefix.charAt(prefix.length() - i) == text.charAt(at - i); i++) {
            score++;
        }
        String suffix = anchor.suffix();
        int end = at + anchor.quote().length();
        for (int i = 0; i < suffix.length() && end + i < text.length() && suffix.charAt(i) == text.charAt(end + i); i++) {
            score++;
        }
        return score;
    }

    /**
     * Carries a position of the old text through operations (see {@link TextOps}; an empty list: no change). A start ({@code after} true)
     * goes after text inserted exactly there, an end stays before it, so insertions at the edges of a passage stay
     * outside it; a position inside deleted text lands where the deletion was.
     */
    static int map(List<Object> ops, int pos, boolean after) {
        int oldPos = 0;
        int newPos = 0;
        for (Object op : ops) {
            if (op instanceof String insert) {
                if (oldPos < pos || (oldPos == pos && after)) {
                    newPos += insert.length();
                } else {
                    return newPos;
                }
            } else {
                int n = (Integer) op;
                int len = Math.abs(n);
                if (pos < oldPos + len) {
                    return n > 0 ? newPos + (pos - oldPos) : newPos;
                }
                oldPos += len;
                if (n > 0) {
                    newPos += len;
                }
            }
        }
        return newPos + Math.max(0, pos - oldPos);
    }
}
