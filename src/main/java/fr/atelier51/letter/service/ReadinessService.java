package fr.atelier51.letter.service;

import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.base.service.Messages;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.SectionState;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.Map;

/** The readiness of a project's letter with the coaches' decisions, for anyone who may read the project. */
@Service
public class ReadinessService {

    private final LetterService letters;
    private final AssistantService assistant;
    private final CriterionValidationService validations;
    private final Messages messages;

    public ReadinessService(LetterService letters, AssistantService assistant, CriterionValidationService validations,
                            Messages messages) {
        this.letters = letters;
        this.assistant = assistant;
        this.validations = validations;
        this.messages = messages;
    }

    public Readiness readiness(long projectId) {
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, String> headings = new LinkedHashMap<>();
        for (SectionState s : letters.letter(projectId)) {
            sections.put(s.key().key(), s.text());
            headings.put(s.key().key(), messages.fr(s.key().headingKey()));
        }
        return ReadinessRules.check(sections, headings, assistant.state(projectId))
                .withValidations(validations.current(projectId));
    }
}
