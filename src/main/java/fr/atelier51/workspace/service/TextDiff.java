package fr.atelier51.workspace.service;

import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch;
import org.bitbucket.cowwoc.diffmatchpatch.DiffMatchPatch.Diff;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * A readable difference between two texts: diff-match-patch with semantic cleanup, so that whole words and phrases
 * show as replaced rather than a scatter of single letters.
 */
public record TextDiff(List<Part> parts, int added, int removed) {

    public enum Kind { SAME, ADDED, REMOVED }

    public record Part(Kind kind, String text) {
    }

    public boolean isEmpty() {
        return added == 0 && removed == 0;
    }

    public static TextDiff between(String from, String to) {
        DiffMatchPatch dmp = new DiffMatchPatch();
        dmp.diffTimeout = 1f;
        LinkedList<Diff> diffs = dmp.diffMain(from, to);
        dmp.diffCleanupSemantic(diffs);
        List<Part> parts = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (Diff d : diffs) {
            if (d.text.isEmpty()) {
                continue;
            }
            Kind kind = switch (d.operation) {
                case EQUAL -> Kind.SAME;
                case INSERT -> Kind.ADDED;
                case DELETE -> Kind.REMOVED;
            };
            if (kind == Kind.ADDED) {
                added += d.text.length();
            } else if (kind == Kind.REMOVED) {
                removed += d.text.length();
            }
            parts.add(new Part(kind, d.text));
        }
        return new TextDiff(List.copyOf(parts), added, removed);
    }
}
