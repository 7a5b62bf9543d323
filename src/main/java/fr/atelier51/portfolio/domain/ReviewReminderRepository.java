package fr.atelier51.portfolio.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ReviewReminderRepository extends JpaRepository<ReviewReminder, Long> {

    boolean existsByWaitAndCoachIdAndKind(ReviewWait wait, long coachId, ReminderKind kind);

    /** Not yet e-mailed, for reviews still waiting (a review already answered needs no e-mail any more). */
    List<ReviewReminder> findByEmailedAtIsNullAndWaitEndedAtIsNullOrderByIdAsc();

    List<ReviewReminder> findByCoachIdAndWaitEndedAtIsNullOrderByIdAsc(long coachId);

    List<ReviewReminder> findByWaitOrderByIdAsc(ReviewWait wait);
}
