package fr.atelier51.letter.domain;

import org.springframework.data.repository.Repository;

import java.util.List;

/** Append and read only: a decision is never changed, a new one supersedes it. */
public interface CriterionValidationRepository extends Repository<CriterionValidation, Long> {

    CriterionValidation save(CriterionValidation validation);

    List<CriterionValidation> findByProjectIdOrderByIdAsc(long projectId);
}
