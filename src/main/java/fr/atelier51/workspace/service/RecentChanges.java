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
            if (!list.isEmpty() && list.getLast() instanceof Integer k && k < 0) {
                list.set(list.size() - 1, k - n);
            } else {
                list.add(-n);
            }
        }

        void insert(String s) {
            if (!list.isEmpty() && list.getLast() instanceof String t) {
                list.set(list.size() - 1, t + s);
            } else {
                list.add(s);
            }
        }
    }
}
