package fr.atelier51.portfolio.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;

public interface ReviewWaitRepository extends JpaRepository<ReviewWait, Long> {

    List<ReviewWait> findByProjectIdAndEndedAtIsNull(long projectId);

    List<ReviewWait> findByEndedAtIsNullOrderByStartedAtAsc();

    List<ReviewWait> findByEndedAtIsNullAndStartedAtBefore(Instant before);
}
