package fr.atelier51.project.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface CoachNoteRepository extends JpaRepository<CoachNote, Long> {

    List<CoachNote> findByProjectIdOrderByCreatedAtDescIdDesc(long projectId);
}
