package fr.atelier51.workspace.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The operations of a section's last versions, kept in memory so that the server's answer to an editor whose shadow
 * is a known server version is the composition of the few small changes since, instead of a diff of two whole texts
 * (which, with many people typing in different places, costs milliseconds per sync). Not thread-safe: used under
 * the section's lock.
 */
final class RecentChanges {

    private final List<?>[] ops;
    private final long[] versions;

    RecentChanges(int capacity) {
        ops = new List<?>[capacity];
        versions = new long[capacity];
        java.util.Arrays.fill(versions, -1);
    }

    /** {@code change} turns version {@code version - 1} into {@code version}. */
    void add(long version, List<?> change) {
        int i = (int) (version % ops.length);
        ops[i] = change;
        versions[i] = version;
    }

    /** The change from version {@code from} to {@code to}, or null when one of them is no longer kept. */
    List<Object> between(long from, long to) {
        if (to - from > ops.length) {
            return null;
        }
        List<Object> out = null;
        for (long v = from + 1; v <= to; v++) {
            int i = (int) (v % ops.length);
            if (versions[i] != v) {
                return null;
            }
            out = out == null ? new ArrayList<>(ops[i]) : compose(out, ops[i]);
        }
        return out == null ? List.of() : out;
    }

    /** The single change doing {@code a} then {@code b} ({@code b} applies to {@code a}'s result). */
    static List<Object> compose(List<?> a, List<?> b) {
        Ops out = new Ops();
        int ia = 0;
        int ib = 0;
        Object opA = null;
        Object opB = null;
        while (true) {
            if (opA == null && ia < a.size()) {
                opA = a.get(ia++);
            }
            if (opB == null && ib < b.size()) {
                opB = b.get(ib++);
            }
            if (opA == null && opB == null) {
                return out.list;
            }
            if (opA instanceof Number n && n.intValue() < 0) { // deleted by a: b never saw it
                out.delete(-n.intValue());
                opA = null;
                continue;
            }
            if (opB instanceof String s) { // inserted by b
                out.insert(s);
                opB = null;
                continue;
            }
            if (opA == null || opB == null) {
                throw new IllegalArgumentException("changes do not chain");
            }
            int lenA = opA instanceof String s ? s.length() : ((Number) opA).intValue();
            int keepB = ((Number) opB).intValue();
            int len = Math.min(lenA, Math.abs(keepB));
            if (opA instanceof String s) {
                if (keepB > 0) {
                    out.insert(s.substring(0, len));
                } // inserted by a, deleted by b: nothing
                opA = len == s.length() ? null : s.substring(len);
            } else {
                if (keepB > 0) {
                    out.keep(len);
                } else {
                    out.delete(len);
                }
                opA = len == lenA ? null : (Object) (lenA - len);
            }
            int restB = Math.abs(keepB) - len;
            opB = restB == 0 ? null : (Object) (keepB > 0 ? restB : -restB);
        }
    }

    /** The change undoing {@code ops} (which apply to {@code base}): from their result back to {@code base}. */
    static List<Object> invert(String base, List<?> ops) {
        Ops out = new Ops();
        int pos = 0;
        for (Object op : ops) {
            if (op instanceof String s) {
                if (!s.isEmpty()) {
                    out.delete(s.length());
                }
            } else {
                int n = ((Number) op).intValue();
                if (n > 0) {
                    out.keep(n);
                } else {
                    out.insert(base.substring(pos, pos - n));
                }
                pos += Math.abs(n);
            }
        }
        return out.list;
    }

    /**
     * The same change with each run of deletions and insertions reduced to what really differs (a composed undo
     * and redo of one's own typing deletes and re-inserts it: an editor would see its caret jump).
     */
    static List<Object> tidy(String base, List<?> ops) {
        Ops out = new Ops();
        int pos = 0;
        int i = 0;
        while (i < ops.size()) {
            Object op = ops.get(i);
            if (op instanceof Number n && n.intValue() > 0) {
                out.keep(n.intValue());
                pos += n.intValue();
                i++;
                continue;
            }
            int from = pos;
            StringBuilder inserted = new StringBuilder();
            while (i < ops.size() && !(ops.get(i) instanceof Number k && k.intValue() > 0)) {
                if (ops.get(i) instanceof String s) {
                    inserted.append(s);
                } else {
                    pos -= ((Number) ops.get(i)).intValue();
                }
                i++;
            }
            String deleted = base.substring(from, pos);
            String added = inserted.toString();
            if (deleted.equals(added)) {
                if (!deleted.isEmpty()) {
                    out.keep(deleted.length());
                }
            } else if (deleted.isEmpty() || added.isEmpty()) {
                out.delete(deleted.length());
                out.insert(added);
            } else {
                for (Object d : TextOps.diff(deleted, added)) {
                    if (d instanceof String s) {
                        out.insert(s);
                    } else if ((Integer) d > 0) {
                        out.keep((Integer) d);
                    } else {
                        out.delete(-(Integer) d);
                    }
                }
            }
        }
        return out.list;
    }

    /**
     * {@link TextOps#merge}{@code (base, apply(base, edit), current)} when {@code moved} (from {@code base} to
     * {@code current}) changed nothing within a word of the edit: the edit then lands unchanged at its place in
     * {@code current}, which is what the word merge gives, without tokenising and diffing whole texts (the cost of a
     * keystroke batch among 200 editors). Null when the changes come near each other: merge the whole texts.
     */
    static String mergeApart(String base, List<?> edit, List<?> moved, String current) {
        int pos = 0;
        int lo = -1;
        int hi = -1;
        for (Object op : edit) {
            if (op instanceof String) {
                lo = lo < 0 ? pos : lo;
                hi = pos;
            } else {
                int n = ((Number) op).intValue();
                if (n < 0) {
                    lo = lo < 0 ? pos : lo;
                    hi = pos - n;
                }
                pos += Math.abs(n);
            }
        }
        if (lo < 0 || pos != base.length()) {
            return null;
        }
        int from = wordsBefore(base, lo);
        int to = wordsAfter(base, hi);
        int at = 0;
        int shift = 0;
        for (Object op : moved) {
            if (op instanceof String s) {
                if (at >= from && at <= to) {
                    return null;
                }
                if (at <= from) {
                    shift += s.length();
                }
            } else {
                int n = ((Number) op).intValue();
                if (n < 0 && at <= to && at - n >= from) {
                    return null;
                }
                if (n < 0 && at - n <= from) {
                    shift += n;
                }
                at += Math.abs(n);
            }
        }
        String changed = TextOps.apply(base, edit);
        String window = changed.substring(from, changed.length() - (base.length() - to));
        return current.substring(0, from + shift) + window + current.substring(to + shift);
    }

    /** The start of the word before the one at {@code i}. */
    private static int wordsBefore(String text, int i) {
        for (int word = 0; word < 2; word++) {
            while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            while (word == 0 && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
        }
        return i;
    }

    /** The end of the word after the one at {@code i}. */
    private static int wordsAfter(String text, int i) {
        for (int word = 0; word < 2; word++) {
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (word == 0 && i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /** Builds a list of operations, merging neighbours of one kind. */
    private static final class Ops {
        final List<Object> list = new ArrayList<>();

        void keep(int n) {
            if (!list.isEmpty() && list.getLast() instanceof Integer k && k > 0) {
                list.set(list.size() - 1, k + n);
            } else {
                list.add(n);
            }
        }

        void delete(int n) {
            if (n == 0) {
                return;
            }
            if (!list.isEmpty() && list.getLast() instanceof Integer k && k < 0) {
                list.set(list.size() - 1, k - n);
            } else {
                list.add(-n);
            }
        }

        void insert(String s) {
            if (s.isEmpty()) {
                return;
            }
            if (!list.isEmpty() && list.getLast() instanceof String t) {
                list.set(list.size() - 1, t + s);
            } else {
                list.add(s);
            }
        }
    }
}
