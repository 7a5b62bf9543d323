package fr.atelier51.workspace.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface SectionChangeRepository extends JpaRepository<SectionChange, Long> {

    List<SectionChange> findTop200BySectionIdOrderByVersionDesc(long sectionId);

    @Query("select max(c.version) from SectionChange c where c.sectionId = :sectionId and c.version <= :version and c.snapshot is not null")
    Optional<Long> lastSnapshotAtOrBefore(long sectionId, long version);

    List<SectionChange> findBySectionIdAndVersionBetweenOrderByVersion(long sectionId, long from, long to);
}
