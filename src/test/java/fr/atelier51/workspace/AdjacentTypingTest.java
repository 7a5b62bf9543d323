package fr.atelier51.workspace;

import fr.atelier51.workspace.service.LiveSection;
import fr.atelier51.workspace.service.SyncRequest;
import fr.atelier51.workspace.service.SyncResponse;
import fr.atelier51.workspace.service.TextOps;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression test of the doubled / reordered words of the two-browser E2E: two editors type letter by letter at two
 * typing points close to each other (inside the same word, on both sides of one word, on both sides of a line
 * break), with the timing of real browsers over Vaadin Push — one message in flight per editor, its answer delayed
 * while the person keeps typing, pokes of the other editor — and the exact merge must keep every untouched word
 * once and in place, and each person's letters in the order typed.
 *
 * <p>Each editor types its own alphabet (lower-case letters, upper-case letters) into a text of digits, so the
 * outcome is checked without guessing where anything "should" be: the digits alone must read as before, each
 * person's letters alone as typed.
 */
class AdjacentTypingTest {

    private static final String BASE = "12 345 6789\n\n111 2222 33.";

    /** An editor with a caret, mapped through every change that reaches it, as CodeMirror does. */
    static final class Typist {
        final SyncClient client;
        final LiveSection.Shadow shadow;
        final String alphabet;
        /** When set, exactly these characters are typed, in order (then nothing). */
        String script;
        final StringBuilder typed = new StringBuilder();
        int caret;
        int next;
        SyncRequest inFlight;
        SyncResponse answer;
        boolean poked;

        Typist(LiveSection section, long id, String alphabet, int caret) {
            LiveSection.Start start = section.connect(id, false, () -> poked = true);
            this.shadow = start.shadow();
            this.client = new SyncClient(start.text());
            this.alphabet = alphabet;
            this.caret = caret;
        }

        void type(Random random) {
            if (script != null) {
                if (next < script.length()) {
                    String c = String.valueOf(script.charAt(next++));
                    client.text = client.text.substring(0, caret) + c + client.text.substring(caret);
                    caret++;
                }
                return;
            }
            // Mostly letters, sometimes a space or a line break, as people write.
            int r = random.nextInt(10);
            String c = r == 0 ? " " : r == 1 ? "\n" : String.valueOf(alphabet.charAt(next++ % alphabet.length()));
            String text = client.text;
            if (c.isBlank() && (text.startsWith(c, caret) || caret > 0 && text.startsWith(c, caret - 1))) {
                // A space or line break typed next to the same character could have gone on either side of it: no
                // diff can tell, and then neither can a merge (a known limit of differential synchronisation).
                c = String.valueOf(alphabet.charAt(next++ % alphabet.length()));
            }
            client.text = client.text.substring(0, caret) + c + client.text.substring(caret);
            caret += 1;
            if (!c.isBlank()) {
                typed.append(c);
            }
        }

        void receive(SyncResponse r) {
            String before = client.text;
            String shadowBefore = client.shadow;
            client.receive(r);
            if (System.getProperty("adjacent.debug") != null) {
                System.out.println(alphabet.charAt(0) + " caret " + caret + " shadow [" + shadowBefore.replace("\n", "⏎") + "] text [" + before.replace("\n", "⏎") + "] -> [" + client.text.replace("\n", "⏎") + "] caret " + mapCaret(before, client.text, caret) + " ops " + r.ops());
            }
            assertThat(client.broken).as("no rejoin between healthy editors (%s)", r).isFalse();
            caret = mapCaret(before, client.text, caret);
        }
    }

    /** Where a caret goes when {@code from} becomes {@code to}: before text inserted at it (CodeMirror's default). */
    static int mapCaret(String from, String to, int caret) {
        int pos = 0;
        int mapped = 0;
        for (Object op : TextOps.diff(from, to)) {
            if (op instanceof String insert) {
                if (pos < caret) {
                    mapped += insert.length();
                }
                continue;
            }
            int n = (Integer) op;
            int len = Math.abs(n);
            if (caret <= pos + len) {
                return mapped + (n > 0 ? caret - pos : 0);
            }
            pos += len;
            mapped += n > 0 ? len : 0;
        }
        return mapped + caret - pos;
    }

    @Test
    void twoPeopleTypingInsideTheSameWordKeepBothInsertionsWhereTheyTyped() {
        assertThat(TextOps.merge("Le parcours de soins.", "Le parcoXYZurs de soins.", "Le parcoursABC de soins."))
                .isEqualTo("Le parcoXYZursABC de soins.");
        // Right against a word on both sides, and on both sides of a line break.
        assertThat(TextOps.merge("un 345 deux", "un x345 deux", "un 345y deux")).isEqualTo("un x345y deux");
        assertThat(TextOps.merge("constat.\n\nSecond", "constat.\nLes\n\nSecond", "constat.\n\nPr\nSecond"))
                .isEqualTo("constat.\nLes\n\nPr\nSecond");
        // One backspaces inside the word while the other types at its end.
        assertThat(TextOps.merge("Le parcours de", "Le parc de", "Le parcoursX de")).isEqualTo("Le parcX de");
        // One deletes the word the other is typing into: the typed word stays whole, no stump.
        assertThat(TextOps.merge("un parcours deux", "un deux", "un parcoXurs deux")).isEqualTo("un parcoXurs deux");
        assertThat(TextOps.merge("un parcours deux", "un parcoXurs deux", "un deux")).isEqualTo("un parcoXurs deux");
        // Two different words replacing one: both kept, whole.
        assertThat(TextOps.merge("un mot deux", "un terme deux", "un vocable deux")).isEqualTo("un vocable terme deux");
    }

    @Test
    void twoPeopleTypingAtAdjacentPointsKeepEveryWordOnceAndInPlace() {
        int[][] carets = {
                {4, 6},   // both inside "345": between 3|4 and after 5
                {3, 6},   // just before and just after the word "345"
                {11, 12}, // on both sides of the first line break
                {11, 25}, // end of the first line and end of the text (the E2E's two typing points)
                {13, 17}, // before "111" and before "2222"
                {5, 5},   // the very same place
        };
        List<String> failures = new ArrayList<>();
        for (int[] pair : carets) {
            for (long seed = Long.getLong("adjacent.seed", 0); seed < Long.getLong("adjacent.seeds", 40); seed++) {
                String failure = simulate(pair[0], pair[1], seed);
                if (failure != null) {
                    failures.add("carets " + pair[0] + "/" + pair[1] + " seed " + seed + ": " + failure);
                }
            }
        }
        assertThat(failures).as("%d runs failed", failures.size()).isEmpty();
    }

    @Test
    void theTwoBrowserScenarioGivesExactlyWhatEachPersonTyped() {
        // CoEditingE2ETest: one presses Enter at the end of the first line and writes, the other at the end of the text.
        String base = "Premier constat.\n\nSecond constat.";
        String holder = "\nLes patients insuffisants cardiaques sortent trop tôt de l’hôpital. ";
        String coach = "\nPréciser les données locales du Gers. ";
        String expected = "Premier constat.\nLes patients insuffisants cardiaques sortent trop tôt de l’hôpital. "
                + "\n\nSecond constat.\nPréciser les données locales du Gers. ";
        List<String> failures = new ArrayList<>();
        for (long seed = 0; seed < 300; seed++) {
            String[] result = new String[1];
            simulate(base, 16, holder, base.length(), coach, seed, result);
            if (!expected.equals(result[0])) {
                failures.add("seed " + seed + ": " + show(result[0]));
            }
        }
        assertThat(failures).as("%d runs failed", failures.size()).isEmpty();
    }

    private static String simulate(String base, int caretA, String scriptA, int caretB, String scriptB, long seed,
                                   String[] result) {
        return run(base, caretA, scriptA, caretB, scriptB, seed, result);
    }

    /** @return what went wrong, or null */
    private static String simulate(int caretA, int caretB, long seed) {
        return run(BASE, caretA, null, caretB, null, seed, new String[1]);
    }

    private static String run(String base, int caretA, String scriptA, int caretB, String scriptB, long seed, String[] result) {
        Random random = new Random(seed);
        DiffSyncPropertyTest.MemoryLog log = new DiffSyncPropertyTest.MemoryLog();
        log.versions.put(0L, base);
        LiveSection section = new LiveSection(1, base, 0, log);
        Typist a = new Typist(section, 1, "abcdefghijklmnopqrstuvwxyz", caretA);
        Typist b = new Typist(section, 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", caretB);
        a.script = scriptA;
        b.script = scriptB;
        Typist[] both = {a, b};
        Deque<Typist> toServer = new ArrayDeque<>();
        for (int step = 0; step < 400; step++) {
            Typist t = both[random.nextInt(2)];
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> t.type(random);
                case 3 -> {
                    // The browser syncs after a keystroke or a poke, never with an answer awaited.
                    if (t.inFlight == null && t.answer == null && (t.client.hasUnsent() || t.poked)) {
                        t.poked = false;
                        t.inFlight = t.client.prepare();
                        toServer.add(t);
                    }
                }
                case 4 -> {
                    Typist next = toServer.poll();
                    if (next != null) {
                        next.answer = next.shadow.sync(next.inFlight);
                        next.inFlight = null;
                    }
                }
                default -> {
                    if (t.answer != null) {
                        SyncResponse r = t.answer;
                        t.answer = null;
                        t.receive(r);
                    }
                }
            }
        }
        // Everyone stops typing; the messages in flight arrive, then both sync until quiet.
        for (Typist next : toServer) {
            next.answer = next.shadow.sync(next.inFlight);
        }
        for (Typist t : both) {
            if (t.answer != null) {
                t.receive(t.answer);
                t.answer = null;
            }
        }
        for (int round = 0; round < 4; round++) {
            for (Typist t : both) {
                t.receive(t.shadow.sync(t.client.prepare()));
            }
        }
        String server = section.text();
        result[0] = server;
        for (Typist t : both) {
            if (!t.client.text.equals(server)) {
                return "did not converge: " + t.client.text + " vs " + server;
            }
        }
        if (!only(server, "0123456789.").equals(only(base, "0123456789."))) {
            return "untouched words doubled or moved: " + show(server);
        }
        if (!only(server, a.alphabet).equals(a.typed.toString()) || !only(server, b.alphabet).equals(b.typed.toString())) {
            return "someone's letters lost, doubled or out of order: " + show(server);
        }
        return null;
    }

    private static String only(String text, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (alphabet.indexOf(c) >= 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String show(String text) {
        return text.replace("\n", "⏎");
    }
}
