package fr.atelier51.knowledge.service;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The typo neighbours found in the vocabulary are the very words Lucene's FuzzyQuery finds. */
class TextVocabularyTest {

    @Test
    void oneEditIsAnInsertionDeletionSubstitutionOrSwap() {
        assertThat(TextVocabulary.oneEdit("articel", "articl")).isTrue();   // a letter more
        assertThat(TextVocabulary.oneEdit("artcl", "articl")).isTrue();     // a letter less
        assertThat(TextVocabulary.oneEdit("artixl", "articl")).isTrue();    // replaced
        assertThat(TextVocabulary.oneEdit("artilc", "articl")).isTrue();    // swapped
        assertThat(TextVocabulary.oneEdit("articl", "articl")).isFalse();   // the same word
        assertThat(TextVocabulary.oneEdit("atricle", "articl")).isFalse();  // two edits
        assertThat(TextVocabulary.oneEdit("arit", "artic")).isFalse();
    }

    @Test
    void theNeighboursAreThoseOfFuzzyQuery() throws Exception {
        Random random = new Random(51);
        List<String> words = new ArrayList<>();
        String letters = "aeiorstnlc";
        for (int i = 0; i < 3000; i++) {
            StringBuilder w = new StringBuilder();
            for (int n = 3 + random.nextInt(6); n > 0; n--) {
                w.append(letters.charAt(random.nextInt(letters.length())));
            }
            words.add(w.toString());
        }
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new org.apache.lucene.analysis.core.WhitespaceAnalyzer()))) {
                for (int i = 0; i < words.size(); i += 20) {
                    Document d = new Document();
                    d.add(new TextField("text", String.join(" ", words.subList(i, Math.min(words.size(), i + 20))), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                TextVocabulary vocabulary = TextVocabulary.of(reader, "text");
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int t = 0; t < 400; t++) {
                    String typo = words.get(random.nextInt(words.size())) + letters.charAt(random.nextInt(letters.length()));
                    if (t % 2 == 0) {
                        typo = typo.substring(0, 2) + typo.substring(3);
                    }
                    Set<String> ours = new HashSet<>(vocabulary.oneEditFrom(typo, 2, 1000));
                    FuzzyQuery fuzzy = new FuzzyQuery(new Term("text", typo), 1, 2, 1000, true);
                    Set<String> lucene = new HashSet<>();
                    var terms = org.apache.lucene.index.MultiTerms.getTerms(reader, "text");
                    var te = fuzzy.getTermsEnum(terms);
                    for (BytesRef term = te.next(); term != null; term = te.next()) {
                        lucene.add(term.utf8ToString());
                    }
                    lucene.remove(typo);
                    assertThat(ours).as(typo).isEqualTo(lucene);
                }
            }
        }
    }

    @Test
    void theClosestComeFirstAndAtMostTheMaximum() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new org.apache.lucene.analysis.core.WhitespaceAnalyzer()))) {
                Document d = new Document();
                d.add(new TextField("text", "experiment experimentation expert exper exp", Field.Store.NO));
                w.addDocument(d);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                TextVocabulary vocabulary = TextVocabulary.of(reader, "text");
                assertThat(vocabulary.oneEditFrom("experimnet", 2, 5)).containsExactly("experiment");
                // as close (one edit against five letters): in alphabetical order, as FuzzyQuery keeps them
                assertThat(vocabulary.oneEditFrom("expet", 2, 5)).containsExactly("exper", "expert");
                assertThat(vocabulary.oneEditFrom("expet", 2, 1)).containsExactly("exper");
                assertThat(vocabulary.oneEditFrom("experimentatio", 2, 5)).containsExactly("experimentation");
                assertThat(vocabulary.oneEditFrom("x", 2, 5)).isEmpty();
            }
        }
    }
}
