package fr.atelier51.assistant.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface AssistantMessageRepository extends JpaRepository<AssistantMessage, Long> {
    List<AssistantMessage> findByProjectIdOrderByIdAsc(long projectId);
}
