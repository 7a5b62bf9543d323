package fr.atelier51.workspace.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface LetterSectionRepository extends JpaRepository<LetterSection, Long> {

    List<LetterSection> findByProjectIdOrderByPosition(long projectId);

    Optional<LetterSection> findByProjectIdAndSectionKey(long projectId, String sectionKey);
}
