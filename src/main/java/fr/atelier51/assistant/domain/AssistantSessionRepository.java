package fr.atelier51.assistant.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface AssistantSessionRepository extends JpaRepository<AssistantSession, Long> {
    Optional<AssistantSession> findByProjectId(long projectId);
}
