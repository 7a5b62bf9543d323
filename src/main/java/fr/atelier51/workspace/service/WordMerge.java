package fr.atelier51.workspace.service;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact three-way merge of {@link TextOps#merge}: both sides are diffed against the common base, then replayed
 * together over it — both sides' insertions kept (where both insert at one place, {@code current}'s first), a base
 * character kept unless either side deleted it. The same algorithm runs in the browser (frontend/a51-section-editor.ts,
 * {@code merge}): keep the two in step.
 *
 * <p>How each side is diffed decides what "the same place" means:
 * <ul>
 * <li>by words — each word with the white space after it is one unit — so concurrent deletions and insertions never
 * splice the letters of different words (a character-level merge garbled words in most random runs of
 * DiffSyncPropertyTest);</li>
 * <li>minimal — diff-match-patch without its time limit skips its "half match" shortcut, which can pair a word with
 * another copy of it and turn a plain insertion into a deletion plus a re-insertion;</li>
 * <li>refined to characters where a run of changed words only gained characters at one place (someone typing inside
 * or against a word) or only lost some (backspacing). Without this, two people typing next to the same word both
 * "replaced" it and the merge kept both replacements: the word came out twice, out of order (the defect of the
 * two-browser test, reproduced by AdjacentTypingTest);</li>
 * <li>but a refined insertion is taken back to whole words when the other side deleted the words it went into: a
 * word being typed into while someone deletes it stays whole, never a stump.</li>
 * </ul>
 */
final class WordMerge {

    private static final DiffMatchPatch EXACT = new DiffMatchPatch();

    static {
        EXACT.diffTimeout = 0;
    }

    private WordMerge() {
    }

    /** One changed run of the base: {@code [start, start + length)} becomes {@code inserted}. */
    private static final class Change {
        final int start;
        final String deleted;
        final String inserted;
        /** Common prefix and suffix kept by a character-level refinement, or -1 when replaced whole. */
        int prefix = -1;
        int suffix = -1;
        boolean insertion;

        Change(int start, String deleted, String inserted) {
            this.start = start;
            this.deleted = deleted;
            this.inserted = inserted;
            int max = Math.min(deleted.length(), inserted.length());
            int p = 0;
            while (p < max && deleted.charAt(p) == inserted.charAt(p)) {
                p++;
            }
            int s = 0;
            while (s < max - p && deleted.charAt(deleted.length() - 1 - s) == inserted.charAt(inserted.length() - 1 - s)) {
                s++;
            }
            if (p + s == max && max > 0) { // one contiguous insertion or deletion
                prefix = p;
                suffix = s;
                insertion = inserted.length() > deleted.length();
            }
        }

        boolean refined() {
            return prefix >= 0;
        }

        void markDeleted(boolean[] deletedMask) {
            int from = refined() ? start + prefix : start;
            int to = refined() ? start + deleted.length() - suffix : start + deleted.length();
            for (int i = from; i < to; i++) {
                deletedMask[i] = true;
            }
        }

        /** A refined insertion into words the other side deleted entirely: back to replacing whole words. */
        boolean unrefineIfWordsDeleted(boolean[] otherDeleted) {
            if (!refined() || !insertion) {
                return false;
            }
            for (int i = start; i < start + deleted.length(); i++) {
                if (!otherDeleted[i]) {
                    return false;
                }
            }
            prefix = -1;
            suffix = -1;
            return true;
        }

        void appendOps(List<Object> ops) {
            int p = refined() ? prefix : 0;
            int s = refined() ? suffix : 0;
            if (p > 0) {
                ops.add(p);
            }
            if (deleted.length() > p + s) {
                ops.add(-(deleted.length() - p - s));
            }
            if (inserted.length() > p + s) {
                ops.add(inserted.substring(p, inserted.length() - s));
            }
            if (s > 0) {
                ops.add(s);
            }
        }
    }

    static String merge(String base, String changed, String current) {
        List<Object> pa = pieces(base, current);
        List<Object> pb = pieces(base, changed);
        if (pa == null || pb == null) {
            return replay(base, TextOps.diff(base, current), TextOps.diff(base, changed));
        }
        boolean moved = true;
        while (moved) {
            boolean[] deletedA = deletedMask(base, pa);
            boolean[] deletedB = deletedMask(base, pb);
            moved = false;
            for (Object piece : pa) {
                moved |= piece instanceof Change c && c.unrefineIfWordsDeleted(deletedB);
            }
            for (Object piece : pb) {
                moved |= piece instanceof Change c && c.unrefineIfWordsDeleted(deletedA);
            }
        }
        return replay(base, ops(pa), ops(pb));
    }

    /**
     * Keeps (Integer) and changed runs ({@link Change}) turning base into to, by words; null when too many words.
     * Only the words between the common head and tail are tokenised and diffed: cut at word starts inside the
     * common text, the head and tail are the same words on both sides, which the word diff keeps anyway (it strips
     * common words first) — a fraction of the work when a long text changed in one place, the usual case. The one
     * difference with diffing the whole texts: where a change sits next to copies of the same word, the change is
     * placed after the common head (the whole-text diff may slide it back over the copies); the merged text is as
     * valid either way.
     */
    private static List<Object> pieces(String from, String to) {
        int common = Math.min(from.length(), to.length());
        int prefix = 0;
        while (prefix < common && from.charAt(prefix) == to.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < common - prefix
                && from.charAt(from.length() - 1 - suffix) == to.charAt(to.length() - 1 - suffix)) {
            suffix++;
        }
        int head = prefix - 1; // the last word start before the first difference (its previous character is common too)
        while (head > 0 && !wordStart(from, head)) {
            head--;
        }
        head = Math.max(head, 0);
        int tail = from.length() - suffix + 1; // the first word start whose previous character is in the common tail
        while (tail < from.length() && !wordStart(from, tail)) {
            tail++;
        }
        if (tail >= from.length() || tail < head) {
            tail = from.length();
        }
        int tailLength = from.length() - tail;
        List<String> tokensFrom = TextOps.tokens(from.substring(head, tail));
        List<String> tokensTo = TextOps.tokens(to.substring(head, to.length() - tailLength));
        Map<String, Character> codes = new HashMap<>();
        String a = encode(tokensFrom, codes);
        String b = encode(tokensTo, codes);
        if (a == null || b == null) {
            return null;
        }
        List<Object> pieces = new ArrayList<>();
        if (head > 0) {
            pieces.add(head);
        }
        int ia = 0;
        int ib = 0;
        int pos = head;
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Diff d : EXACT.diffMain(a, b, false)) {
            int count = d.text.length();
            switch (d.operation) {
                case EQUAL -> {
                    pos = flush(pieces, pos, deleted, inserted);
                    int len = 0;
                    for (int i = ia; i < ia + count; i++) {
                        len += tokensFrom.get(i).length();
                    }
                    pieces.add(len);
                    pos += len;
                    ia += count;
                    ib += count;
                }
                case DELETE -> {
                    tokensFrom.subList(ia, ia + count).forEach(deleted::append);
                    ia += count;
                }
                case INSERT -> {
                    tokensTo.subList(ib, ib + count).forEach(inserted::append);
                    ib += count;
                }
            }
        }
        flush(pieces, pos, deleted, inserted);
        if (tailLength > 0) {
            pieces.add(tailLength);
        }
        return pieces;
    }

    /** Where a token of {@link TextOps#tokens} starts: after white space, at a character that is not. */
    private static boolean wordStart(String text, int i) {
        return Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i));
    }

    private static int flush(List<Object> pieces, int pos, StringBuilder deleted, StringBuilder inserted) {
        if (deleted.isEmpty() && inserted.isEmpty()) {
            return pos;
        }
        pieces.add(new Change(pos, deleted.toString(), inserted.toString()));
        pos += deleted.length();
        deleted.setLength(0);
        inserted.setLength(0);
        return pos;
    }

    private static boolean[] deletedMask(String base, List<Object> pieces) {
        boolean[] mask = new boolean[base.length()];
        for (Object piece : pieces) {
            if (piece instanceof Change c) {
                c.markDeleted(mask);
            }
        }
        return mask;
    }

    private static List<Object> ops(List<Object> pieces) {
        List<Object> ops = new ArrayList<>();
        for (Object piece : pieces) {
            if (piece instanceof Change c) {
                c.appendOps(ops);
            } else {
                ops.add(piece);
            }
        }
        return ops;
    }

    /** Both sides' operations over base, replayed together. */
    private static String replay(String base, List<Object> a, List<Object> b) {
        StringBuilder out = new StringBuilder(base.length() + 16);
        int ia = 0;
        int ib = 0;
        int ra = 0; // what is left of a's current keep/delete
        int rb = 0;
        int pos = 0;
        while (true) {
            if (ia < a.size() && a.get(ia) instanceof String insert) {
                out.append(insert);
                ia++;
                continue;
            }
            if (ib < b.size() && b.get(ib) instanceof String insert) {
                out.append(insert);
                ib++;
                continue;
            }
            if (ia >= a.size() || ib >= b.size()) {
                break;
            }
            int opA = (Integer) a.get(ia);
            int opB = (Integer) b.get(ib);
            if (ra == 0) {
                ra = Math.abs(opA);
            }
            if (rb == 0) {
                rb = Math.abs(opB);
            }
            int len = Math.min(ra, rb);
            if (opA > 0 && opB > 0) {
                out.append(base, pos, pos + len);
            }
            pos += len;
            ra -= len;
            rb -= len;
            if (ra == 0) {
                ia++;
            }
            if (rb == 0) {
                ib++;
            }
        }
        return out.toString();
    }

    private static String encode(List<String> tokens, Map<String, Character> codes) {
        StringBuilder sb = new StringBuilder(tokens.size());
        for (String t : tokens) {
            Character c = codes.get(t);
            if (c == null) {
                if (codes.size() >= 0xD000) {
                    return null;
                }
                c = (char) (codes.size() + 1);
                codes.put(t, c);
            }
            sb.append(c.charValue());
        }
        return sb.toString();
    }
}
