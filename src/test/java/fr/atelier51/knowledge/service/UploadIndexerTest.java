package fr.atelier51.knowledge.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.knowledge.domain.KnowledgeUpload;
import fr.atelier51.knowledge.domain.KnowledgeUploadRepository;
import fr.atelier51.knowledge.domain.UploadFormat;
import fr.atelier51.knowledge.domain.UploadPassage;
import fr.atelier51.knowledge.domain.UploadPassageRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The background indexer's rules that the integration tests cannot provoke: a failing index commit leaves the
 * document FAILED with its reason and without passages (never half-indexed), and the listeners hear of it.
 */
class UploadIndexerTest {

    @TempDir
    Path folder;
    KnowledgeUploadRepository uploads = mock(KnowledgeUploadRepository.class);
    UploadPassageRepository passages = mock(UploadPassageRepository.class);
    KnowledgeIndex index = mock(KnowledgeIndex.class);
    UploadIndexer indexer;
    KnowledgeUpload upload;
    List<UploadPassage> saved = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        indexer = new UploadIndexer(uploads, passages, index, mock(PlatformTransactionManager.class), folder.toString());
        Account coach = mock(Account.class);
        upload = new KnowledgeUpload("Guide", coach, Instant.now());
        upload.setFile("guide.txt", UploadFormat.TEXT, 20, "0".repeat(64), "stored.txt", coach, Instant.now());
        Files.writeString(folder.resolve("stored.txt"), "Premier paragraphe.\n\nSecond paragraphe.");
        when(uploads.findById(7L)).thenReturn(Optional.of(upload));
        when(passages.save(any())).thenAnswer(i -> {
            saved.add(i.getArgument(0));
            return i.getArgument(0);
        });
    }

    @Test
    void aDocumentIsIndexedOnceItsPassagesAreSavedAndTheIndexCommitted() throws Exception {
        List<Long> heard = new ArrayList<>();
        indexer.addListener(heard::add);
        indexer.submit(7L);
        assertThat(indexer.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
        assertThat(upload.getStatus()).isEqualTo(KnowledgeUpload.Status.INDEXED);
        assertThat(saved).singleElement().satisfies(p -> assertThat(p.getText()).contains("Premier paragraphe.", "Second paragraphe."));
        verify(index).syncUploadsNow();
        assertThat(heard).containsExactly(7L);
    }

    @Test
    void aFailedIndexCommitLeavesNothingOfTheDocumentAndSaysWhy() throws Exception {
        doThrow(new IOException("disk full")).when(index).syncUploadsNow();
        indexer.process(7L);
        assertThat(upload.getStatus()).isEqualTo(KnowledgeUpload.Status.FAILED);
        assertThat(upload.getFailureKey()).isEqualTo("knowledge.upload.error.index");
        // passages saved, then taken out again so the database matches the index
        verify(passages, times(2)).deleteByUpload(7L);
        verify(index).uploadsChanged();
    }

    @Test
    void aReplacementThatCannotBeIndexedPutsThePreviousVersionBack() throws Exception {
        Account coach = upload.getUpdatedBy();
        UploadPassage old = new UploadPassage(7L, 0, "section-1", "Ancien", "Ancien texte cherchable.");
        when(passages.findByUploadIdOrderByPosition(7L)).thenReturn(List.of(old));
        var before = upload.fileVersion();
        upload.setPending("new.txt", "guide-v2.txt", coach);
        Files.writeString(folder.resolve("new.txt"), "Nouveau texte.");
        doThrow(new IOException("disk full")).when(index).syncUploadsNow();

        indexer.process(7L);

        assertThat(upload.fileVersion()).isEqualTo(before);
        assertThat(upload.getStoredName()).isEqualTo("stored.txt");
        assertThat(upload.getPendingStoredName()).isNull();
        assertThat(upload.getStatus()).isEqualTo(KnowledgeUpload.Status.FAILED);
        assertThat(upload.getFailureKey()).isEqualTo("knowledge.upload.error.index-replacement");
        // the new passages were saved, then the previous ones again
        assertThat(saved).extracting(UploadPassage::getText).containsExactly("Nouveau texte.", "Ancien texte cherchable.");
        assertThat(folder.resolve("stored.txt")).exists();
        assertThat(folder.resolve("new.txt")).doesNotExist();
        verify(index).uploadsChanged();
    }

    @Test
    void aRefusedFileIsFailedWithTheExtractorsReasonAndNeverReachesTheIndex() throws Exception {
        Files.write(folder.resolve("stored.txt"), new byte[]{0, 1, 2, 3, 0, 0, 5});
        indexer.process(7L);
        assertThat(upload.getStatus()).isEqualTo(KnowledgeUpload.Status.FAILED);
        assertThat(upload.getFailureKey()).isEqualTo("knowledge.upload.error.not-text");
        verify(passages, never()).save(any());
        verify(index, never()).syncUploadsNow();
    }

    @Test
    void aDocumentNoLongerPendingIsLeftAlone() throws Exception {
        upload.indexed();
        indexer.process(7L);
        verify(passages, never()).deleteByUpload(7L);
        verify(index, never()).syncUploadsNow();
    }
}
