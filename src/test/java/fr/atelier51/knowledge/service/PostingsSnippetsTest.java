package fr.atelier51.knowledge.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Fragment cutting (jumps with indexOf) against the plain character-by-character rule it replaces. */
class PostingsSnippetsTest {

    @Test
    void fragmentsAreCutExactlyAsByTheCharacterByCharacterRule() {
        Random random = new Random(51);
        for (int t = 0; t < 20_000; t++) {
            String text = randomText(random, random.nextInt(3000), random.nextInt(4));
            List<int[]> expected = reference(text);
            assertThat(PostingsSnippets.fragments(text)).as(text).containsExactlyElementsOf(expected);
            if (!text.isEmpty()) {
                int until = random.nextInt(text.length()) + 1;
                List<int[]> prefix = PostingsSnippets.fragments(text, until);
                assertThat(prefix).containsExactlyElementsOf(expected.subList(0, prefix.size()));
                assertThat(prefix.getLast()[1]).as("covers offset %d", until - 1).isGreaterThanOrEqualTo(until);
            }
        }
    }

    @Test
    void matchesAreMarkedAndTheTextEscapedForElementContent() throws Exception {
        var type = new org.apache.lucene.document.FieldType(org.apache.lucene.document.TextField.TYPE_STORED);
        type.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        String text = "Le <b>forfait</b> & l'agence : « forfait » \"régional\". Rien d'autre ici.";
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory()) {
            try (var w = new org.apache.lucene.index.IndexWriter(dir,
                    new org.apache.lucene.index.IndexWriterConfig(FrenchAnalyzers.perField()))) {
                var d = new org.apache.lucene.document.Document();
                d.add(new org.apache.lucene.document.Field(KnowledgeFields.TEXT, text, type));
                w.addDocument(d);
            }
            try (var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
                String[] out = PostingsSnippets.of(reader, KnowledgeFields.TEXT, List.of("forfait", "agenc", "absent"),
                        new int[]{0}, new String[]{text}, 2);
                assertThat(out[0]).isEqualTo("Le &lt;b&gt;<mark>forfait</mark>&lt;/b&gt; &amp; <mark>l'agence</mark> : "
                        + "« <mark>forfait</mark> » \"régional\". Rien d'autre ici.");
                assertThat(PostingsSnippets.of(reader, KnowledgeFields.TEXT, List.of("absent"), new int[]{0},
                        new String[]{text}, 2)[0]).isNull();
            }
        }
    }

    @Test
    void aLongWordIsCutAtTheNextSpaceOrFullStop() {
        String word = "x".repeat(900);
        assertThat(PostingsSnippets.fragments(word + " fin")).containsExactly(new int[]{0, 900}, new int[]{900, 904});
        assertThat(PostingsSnippets.fragments(word + ". fin")).containsExactly(new int[]{0, 901}, new int[]{901, 905});
    }

    private static String randomText(Random random, int length, int mode) {
        String alphabet = "abc .\n  xyz";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int x = random.nextInt(100);
            sb.append(switch (mode) {
                case 0 -> alphabet.charAt(random.nextInt(alphabet.length()));
                case 1 -> x < 1 ? ' ' : x < 2 ? '.' : x < 3 ? '\n' : 'a'; // long words
                case 2 -> x < 15 ? ' ' : x < 17 ? '.' : x < 18 ? '\n' : 'a'; // prose
                default -> x < 3 ? ' ' : x < 4 ? '\n' : 'a'; // no full stop
            });
        }
        return sb.toString();
    }

    /** The rule read character by character (the former implementation). */
    private static List<int[]> reference(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int lastSpace = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                lastSpace = i;
            }
            int length = i + 1 - start;
            if ((c == '.' || c == '\n') && length >= PostingsSnippets.MIN_FRAGMENT) {
                out.add(new int[]{start, i + 1});
                start = i + 1;
            } else if (length >= PostingsSnippets.MAX_FRAGMENT && lastSpace > start) {
                out.add(new int[]{start, lastSpace});
                start = lastSpace;
            }
        }
        if (start < text.length()) {
            out.add(new int[]{start, text.length()});
        }
        return out;
    }
}
