package fr.atelier51.letter.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.letter.domain.CriterionValidation;
import fr.atelier51.letter.domain.CriterionValidationRepository;
import fr.atelier51.letter.domain.CtisCriterion;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.ProjectAccess;
import fr.atelier51.project.service.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The coaches' decision on each CTIS criterion. An assigned coach or an admin decides; everyone who may read the
 * project sees the decisions. A refusal needs a comment (what to change); a validation may have one.
 */
@Service
@Transactional
public class CriterionValidationService {

    private final ProjectService projects;
    private final CurrentAccount currentAccount;
    private final CriterionValidationRepository validations;
    private final Clock clock = Clock.systemUTC();

    public CriterionValidationService(ProjectService projects, CurrentAccount currentAccount, CriterionValidationRepository validations) {
        this.projects = projects;
        this.currentAccount = currentAccount;
        this.validations = validations;
    }

    /** Whether the caller may decide on the criteria of this project (NotFoundException when they may not read it). */
    @Transactional(readOnly = true)
    public boolean canDecide(long projectId) {
        Project project = projects.get(projectId);
        return ProjectAccess.canSeePrivateNotes(currentAccount.require(), project);
    }

    public Readiness.Validation decide(long projectId, CtisCriterion criterion, boolean validated, String comment) {
        Account caller = currentAccount.require();
        Project project = projects.get(projectId);
        if (!ProjectAccess.canSeePrivateNotes(caller, project)) {
            throw new ForbiddenException("filing.error.only-coach-validates");
        }
        if (criterion == null) {
            throw new BusinessException("filing.error.criterion-required");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > CriterionValidation.COMMENT_MAX) {
            throw new BusinessException("filing.error.comment-too-long", CriterionValidation.COMMENT_MAX);
        }
        if (!validated && text.isEmpty()) {
            throw new BusinessException("filing.error.comment-required");
        }
        CriterionValidation saved = validations.save(new CriterionValidation(projectId, criterion, validated,
                text.isEmpty() ? null : text, caller, clock.instant()));
        return view(saved);
    }

    /** The latest decision per criterion (criteria nobody decided on yet are absent). */
    @Transactional(readOnly = true)
    public Map<CtisCriterion, Readiness.Validation> current(long projectId) {
        projects.get(projectId);
        Map<CtisCriterion, Readiness.Validation> latest = new EnumMap<>(CtisCriterion.class);
        for (CriterionValidation v : validations.findByProjectIdOrderByIdAsc(projectId)) {
            latest.put(v.getCriterion(), view(v));
        }
        return latest;
    }

    /** Every decision, oldest first (for the archive's history). */
    @Transactional(readOnly = true)
    public List<Readiness.Validation> history(long projectId) {
        projects.get(projectId);
        return validations.findByProjectIdOrderByIdAsc(projectId).stream().map(CriterionValidationService::view).toList();
    }

    private static Readiness.Validation view(CriterionValidation v) {
        return new Readiness.Validation(v.getCriterion(), v.isValidated(), v.getComment(), v.getAuthor().getDisplayName(), v.getDecidedAt());
    }
}
