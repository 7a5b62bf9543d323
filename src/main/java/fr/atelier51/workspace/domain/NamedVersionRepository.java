package fr.atelier51.workspace.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface NamedVersionRepository extends JpaRepository<NamedVersion, Long> {

    List<NamedVersion> findByProjectIdOrderByCreatedAtDescIdDesc(long projectId);

    Optional<NamedVersion> findFirstByProjectIdAndKindOrderByCreatedAtDescIdDesc(long projectId, NamedVersionKind kind);
}
