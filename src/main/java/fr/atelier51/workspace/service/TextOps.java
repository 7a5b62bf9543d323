package fr.atelier51.workspace.service;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Operation;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * Text changes as they travel and are stored: a list of operations over a base text, each either a positive
 * {@link Integer} (keep that many UTF-16 units), a negative one (delete that many) or a {@link String} (insert it).
 * The same format is used by the browser editor (frontend/a51-section-editor.ts), so both sides apply a change
 * strictly — a change that does not fit the base's length is refused, never guessed — and a hash of the result
 * (Java's {@code String.hashCode}, easy to compute in JavaScript) detects any divergence of the shadows.
 * Merging into a text that moved on is an exact three-way merge ({@link #merge}).
 */
public final class TextOps {

    private static final DiffMatchPatch DMP = new DiffMatchPatch();

    static {
        DMP.diffTimeout = 0.5f;
    }

    private TextOps() {
    }

    /** The operations that turn {@code from} into {@code to} (empty when equal). */
    public static List<Object> diff(String from, String to) {
        if (from.equals(to)) {
            return List.of();
        }
        LinkedList<Diff> diffs = DMP.diffMain(from, to, false);
        if (diffs.size() > 2) {
            DMP.diffCleanupEfficiency(diffs);
        }
        return toOps(diffs);
    }

    /**
     * Like {@link #diff}, for two long texts that may differ in many places (the server's answer to an editor far
     * behind): diff-match-patch's line mode first pairs the unchanged lines, then diffs the changed ones by character.
     * Not always minimal, always exact.
     */
    static List<Object> diffLarge(String from, String to) {
        if (from.equals(to)) {
            return List.of();
        }
        if (from.length() < 2000 || to.length() < 2000) {
            return diff(from, to);
        }
        return toOps(DMP.diffMain(from, to, true));
    }

    private static List<Object> toOps(List<Diff> diffs) {
        List<Object> ops = new ArrayList<>(diffs.size());
        for (Diff d : diffs) {
            int len = d.text.length();
            if (len == 0) {
                continue;
            }
            switch (d.operation) {
                case EQUAL -> ops.add(len);
                case DELETE -> ops.add(-len);
                case INSERT -> ops.add(d.text);
            }
        }
        return ops;
    }

    /** Applies operations strictly: they must cover the base exactly, or {@link IllegalArgumentException}. */
    public static String apply(String base, List<?> ops) {
        StringBuilder out = new StringBuilder(base.length() + 16);
        int pos = 0;
        for (Object op : ops) {
            if (op instanceof String insert) {
                out.append(insert);
            } else if (op instanceof Number number) {
                int n = number.intValue();
                if (n == 0 || pos + Math.abs(n) > base.length()) {
                    throw new IllegalArgumentException("change does not fit the text");
                }
                if (n > 0) {
                    out.append(base, pos, pos + n);
                }
                pos += Math.abs(n);
            } else {
                throw new IllegalArgumentException("unknown operation " + op);
            }
        }
        if (pos != base.length()) {
            throw new IllegalArgumentException("change does not cover the text");
        }
        return out.toString();
    }

    /**
     * Three-way merge: the change that turned {@code base} into {@code changed} and the one that turned it into
     * {@code current}, both applied to {@code base}. Both sides' insertions are always kept (where both insert at
     * the same place, {@code current}'s text comes first); a character survives unless either side deleted it.
     *
     * <p>Differential synchronisation classically uses diff-match-patch's fuzzy patch here. Since every merge in
     * this engine has its exact common base at hand (the shadow), an exact merge of the two diffs is used instead
     * ({@link WordMerge}): under lost, repeated and reordered messages the fuzzy patch dropped or doubled words in
     * most of the random runs of {@code DiffSyncPropertyTest}; the exact merge never loses an insertion.
     */
    public static String merge(String base, String changed, String current) {
        if (base.equals(current)) {
            return changed;
        }
        if (base.equals(changed) || changed.equals(current)) {
            return current;
        }
        return WordMerge.merge(base, changed, current);
    }

    /**
     * {@link #merge}{@code (base, changed, current)} when the change is known as operations ({@code changedOps}, base
     * to {@code changed}): if {@code current}'s own change is apart from all of them (not within a word), it is
     * placed into {@code changed} directly — what the word merge gives, without tokenising and diffing two whole
     * texts; otherwise the word merge. An editor taking the server's change over its unsent typing is this case.
     */
    public static String mergeKnown(String base, List<?> changedOps, String changed, String current) {
        if (base.equals(current)) {
            return changed;
        }
        String apart = RecentChanges.mergeApart(base, diff(base, current), changedOps, changed);
        return apart != null ? apart : merge(base, changed, current);
    }

    /** Same as {@link #merge} with the change given as operations over {@code base}. */
    static String mergeOps(String base, List<?> ops, String current) {
        return merge(base, apply(base, ops), current);
    }

    /** A word and the white space that follows it (or leading white space alone). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            while (i < len && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < len && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            out.add(text.substring(start, i));
            start = i;
        }
        return out;
    }

    /** Java's {@code String.hashCode}, spelled out because the browser computes the same. */
    public static int hash(String text) {
        return text.hashCode();
    }

    /** Diffs for display (history): [operation, text] with -1 deleted, 0 kept, 1 inserted; cleaned for people. */
    public static List<Object[]> humanDiff(String from, String to) {
        LinkedList<Diff> diffs = DMP.diffMain(from, to);
        DMP.diffCleanupSemantic(diffs);
        List<Object[]> out = new ArrayList<>();
        for (Diff d : diffs) {
            out.add(new Object[]{d.operation == Operation.DELETE ? -1 : d.operation == Operation.EQUAL ? 0 : 1, d.text});
        }
        return out;
    }
}
