package fr.atelier51.workspace.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface LetterCommentRepository extends JpaRepository<LetterComment, Long> {

    List<LetterComment> findByProjectIdAndSectionKeyOrderByCreatedAtAscIdAsc(long projectId, String sectionKey);

    List<LetterComment> findByProjectIdOrderByCreatedAtAscIdAsc(long projectId);

    /** Open threads per section key: [sectionKey, count]. */
    @Query("select c.sectionKey, count(c) from LetterComment c where c.projectId = :projectId and c.status = fr.atelier51.workspace.domain.CommentStatus.OPEN group by c.sectionKey")
    List<Object[]> countOpenBySection(long projectId);
}
