package fr.atelier51.letter.domain;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** Insert and read only: no update nor delete is offered, so a filed letter stays as it was filed. */
public interface FiledLetterRepository extends Repository<FiledLetter, Long> {

    FiledLetter save(FiledLetter letter);

    List<FiledLetter> findByProjectIdOrderByNumberAsc(long projectId);

    Optional<FiledLetter> findByProjectIdAndNumber(long projectId, int number);

    Optional<FiledLetter> findFirstByProjectIdOrderByNumberDesc(long projectId);
}
