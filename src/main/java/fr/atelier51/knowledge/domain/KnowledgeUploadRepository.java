package fr.atelier51.knowledge.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface KnowledgeUploadRepository extends JpaRepository<KnowledgeUpload, Long> {

    List<KnowledgeUpload> findAllByOrderByUpdatedAtDesc();

    List<KnowledgeUpload> findByStatus(KnowledgeUpload.Status status);
}
