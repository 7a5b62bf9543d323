package fr.atelier51.workspace.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The composed change between two kept versions turns the first text into the second, exactly. */
class RecentChangesTest {

    @Test
    void composedChangesRebuildEveryLaterVersion() {
        Random random = new Random(51);
        for (int run = 0; run < 200; run++) {
            RecentChanges recent = new RecentChanges(16);
            List<String> texts = new ArrayList<>();
            texts.add(randomText(random, random.nextInt(40)));
            for (int v = 1; v <= 30; v++) {
                String next = edit(random, texts.get(v - 1));
                while (next.equals(texts.get(v - 1))) { // a version is always a change
                    next = edit(random, texts.get(v - 1));
                }
                recent.add(v, TextOps.diff(texts.get(v - 1), next));
                texts.add(next);
            }
            for (int from = 14; from <= 30; from++) {
                for (int to = from + 1; to <= 30; to++) {
                    List<Object> ops = recent.between(from, to);
                    assertThat(ops).as("versions %d to %d are kept", from, to).isNotNull();
                    assertThat(TextOps.apply(texts.get(from), ops)).isEqualTo(texts.get(to));
                }
            }
        }
    }

    @Test
    void versionsNoLongerKeptGiveNothing() {
        RecentChanges recent = new RecentChanges(4);
        String text = "";
        for (int v = 1; v <= 10; v++) {
            String next = text + v;
            recent.add(v, TextOps.diff(text, next));
            text = next;
        }
        assertThat(recent.between(5, 10)).isNull();
        assertThat(recent.between(6, 10)).isNotNull();
        assertThat(recent.between(10, 10)).isEmpty();
    }

    @Test
    void insertionsDeletedLaterVanishAndDeletionsAddUp() {
        List<Object> a = List.of(2, "xyz", -1, 3); // "abcdef" → "abxyzdef"
        List<Object> b = List.of(3, -3, 2); // → "abxef"
        assertThat(TextOps.apply("abcdef", RecentChanges.compose(a, b))).isEqualTo("abxef");
        assertThat(RecentChanges.compose(a, b)).containsExactly(2, "x", -2, 2);
    }

    @Test
    void undoThenRedoIsTidiedToWhatChanged() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            String base = randomText(random, random.nextInt(30));
            String mine = edit(random, base);
            String theirs = edit(random, base);
            String merged = TextOps.merge(base, mine, theirs);
            if (base.equals(mine) || base.equals(merged)) {
                continue;
            }
            List<Object> undo = RecentChanges.invert(base, TextOps.diff(base, mine));
            assertThat(TextOps.apply(mine, undo)).isEqualTo(base);
            List<Object> ops = RecentChanges.tidy(mine, RecentChanges.compose(undo, TextOps.diff(base, merged)));
            assertThat(TextOps.apply(mine, ops)).isEqualTo(merged);
        }
        // typing "x" while someone else typed elsewhere: the answer keeps the "x", never deletes and re-types it
        List<Object> undo = RecentChanges.invert("ab", List.of(1, "x", 1));
        List<Object> ops = RecentChanges.tidy("axb", RecentChanges.compose(undo, List.of(1, "x", 1, "yz")));
        assertThat(ops).containsExactly(3, "yz");
    }

    @Test
    void anEditFarFromTheOthersMergesLikeTheWordMerge() {
        Random random = new Random(11);
        int apart = 0;
        for (int run = 0; run < 3000; run++) {
            String base = words(random, 5 + random.nextInt(40));
            String mine = edit(random, base);
            String theirs = edit(random, base);
            if (base.equals(mine) || base.equals(theirs)) {
                continue;
            }
            String fast = RecentChanges.mergeApart(base, TextOps.diff(base, mine), TextOps.diff(base, theirs), theirs);
            if (fast != null) {
                apart++;
                assertThat(fast).as("%s | %s | %s", base, mine, theirs).isEqualTo(TextOps.merge(base, mine, theirs));
                // apart, the order does not matter (TextOps.mergeKnown relies on it)
                assertThat(fast).isEqualTo(TextOps.merge(base, theirs, mine));
                assertThat(TextOps.mergeKnown(base, TextOps.diff(base, theirs), theirs, mine)).isEqualTo(fast);
            }
        }
        assertThat(apart).as("runs where the edits were apart").isGreaterThan(500);
    }

    private static String words(Random random, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : random.nextInt(5) == 0 ? "\n" : " ").append("w").append(random.nextInt(6));
        }
        return out.toString();
    }

    private static String edit(Random random, String text) {
        StringBuilder out = new StringBuilder(text);
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            int at = random.nextInt(out.length() + 1);
            if (random.nextBoolean() && at < out.length()) {
                out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(5)));
            } else {
                out.insert(at, randomText(random, 1 + random.nextInt(6)));
            }
        }
        return out.toString();
    }

    private static String randomText(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append("ab cd\n".charAt(random.nextInt(6)));
        }
        return out.toString();
    }
}
