package fr.atelier51.bench;

import fr.atelier51.workspace.domain.TextQuote;
import fr.atelier51.workspace.service.TextAnchors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How long finding every open thread's passage again takes when a section's comments are read (what the comments
 * panel does on each refresh), and whether it finds the right places. A long section (~15,000 characters), 200
 * threads on random passages; between two reads, 50 random edits (typing and deleting) elsewhere in the text. The
 * true place of each untouched passage is tracked exactly through the edits: every one must be found there.
 *
 * <p>Run: {@code bash src/bench/comment-anchors.sh} (prints p50/p95 per read and the count of misplaced anchors).
 */
public final class CommentAnchorsBench {

    private static final String[] WORDS = ("les patients insuffisants cardiaques sortent trop tôt de l’hôpital et "
            + "reviennent aux urgences faute de suivi infirmier coordonné à domicile avec le médecin traitant la "
            + "pharmacie et le centre hospitalier du territoire pendant quatre-vingt-dix jours").split(" ");

    private CommentAnchorsBench() {
    }

    /** What someone types: letters and spaces (a run of one repeated letter would make places ambiguous). */
    private static String typed(Random random, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Random random = new Random(51);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 15_000) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ".\n\n" : " ");
        }
        String text = sb.toString();
        long version = 1;
        List<TextQuote> anchors = new ArrayList<>();
        int[] truth = new int[threads];
        boolean[] touched = new boolean[threads];
        for (int i = 0; i < threads; i++) {
            int from = random.nextInt(text.length() - 60);
            int to = from + 5 + random.nextInt(50);
            anchors.add(TextQuote.of(text, from, to, version));
            truth[i] = from;
        }
        long[] times = new long[reads];
        int misplaced = 0;
        int orphaned = 0;
        int checked = 0;
        for (int r = 0; r < reads; r++) {
            String before = text;
            for (int e = 0; e < 50; e++) {
                int at = random.nextInt(text.length());
                boolean insert = random.nextBoolean();
                int len = insert ? 1 + random.nextInt(8) : Math.min(1 + random.nextInt(8), text.length() - at);
                for (int i = 0; i < threads; i++) {
                    if (anchors.get(i) == null) {
                        continue; // orphaned
                    }
                    int end = truth[i] + anchors.get(i).quote().length();
                    if (!touched[i] && at < end && (insert ? at > truth[i] : at + len > truth[i])) {
                        touched[i] = true; // an edit inside the passage: its exact place is no longer defined
                    } else if (!touched[i] && at <= truth[i]) {
                        truth[i] += insert ? len : -len;
                    }
                }
                text = insert ? text.substring(0, at) + typed(random, len) + text.substring(at)
                        : text.substring(0, at) + text.substring(at + len);
            }
            version++;
            long start = System.nanoTime();
            List<Object> ops = TextAnchors.changes(before, text); // shared by all threads last found in the same version
            List<TextQuote> next = new ArrayList<>(threads);
            for (TextQuote a : anchors) {
                next.add(a == null ? null : TextAnchors.relocate(a, before, ops, text, version, true));
            }
            times[r] = System.nanoTime() - start;
            for (int i = 0; i < threads; i++) {
                TextQuote found = next.get(i);
                if (touched[i] || anchors.get(i) == null) {
                    continue;
                }
                checked++;
                if (found == null) {
                    orphaned++;
                } else if (found.offset() != truth[i]) {
                    misplaced++;
                    if (System.getenv("ANCHOR_DEBUG") != null) {
                        System.out.printf("misplaced [%s] truth %d found %d old %d%n  before: [%s]%n  now:    [%s]%n",
                                anchors.get(i).quote(), truth[i], found.offset(), anchors.get(i).offset(),
                                before.substring(Math.max(0, anchors.get(i).offset() - 20), Math.min(before.length(), anchors.get(i).end() + 20)),
                                text.substring(Math.max(0, truth[i] - 20), Math.min(text.length(), truth[i] + anchors.get(i).quote().length() + 20)));
                    }
                }
            }
            for (int i = 0; i < threads; i++) {
                if (next.get(i) != null && touched[i]) {
                    truth[i] = next.get(i).offset(); // follow the service: a reworded passage keeps its new place
                    touched[i] = false;
                }
                if (next.get(i) == null) {
                    touched[i] = true;
                }
                anchors.set(i, next.get(i));
            }
        }
        Arrays.sort(times);
        System.out.printf("comment anchors: %d threads on a %d-character section, %d reads after 50 edits each%n",
                threads, text.length(), reads);
        System.out.printf("  time to find every thread again per read: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                times[reads / 2] / 1e6, times[(int) (reads * 0.95)] / 1e6, times[reads - 1] / 1e6);
        System.out.printf("  untouched passages checked: %d, misplaced: %d, wrongly orphaned: %d%n", checked, misplaced, orphaned);
    }
}
