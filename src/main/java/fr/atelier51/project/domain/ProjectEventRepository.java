package fr.atelier51.project.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ProjectEventRepository extends JpaRepository<ProjectEvent, Long> {

    List<ProjectEvent> findByProjectOrderByOccurredAtDescIdDesc(Project project);
}
