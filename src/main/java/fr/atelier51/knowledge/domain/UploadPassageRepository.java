package fr.atelier51.knowledge.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface UploadPassageRepository extends JpaRepository<UploadPassage, Long> {

    List<UploadPassage> findByUploadIdOrderByPosition(Long uploadId);

    long countByUploadId(Long uploadId);

    @Modifying
    @Query("delete from UploadPassage p where p.uploadId = :uploadId")
    void deleteByUpload(@Param("uploadId") Long uploadId);
}
