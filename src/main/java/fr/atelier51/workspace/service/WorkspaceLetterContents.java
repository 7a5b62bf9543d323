package fr.atelier51.workspace.service;

import fr.atelier51.project.service.LetterContents;
import org.springframework.stereotype.Component;

/** The letter has text when any section does (the same rule the exporters apply before refusing an empty letter). */
@Component
class WorkspaceLetterContents implements LetterContents {

    private final LetterService letters;

    WorkspaceLetterContents(LetterService letters) {
        this.letters = letters;
    }

    @Override
    public boolean hasText(long projectId) {
        return letters.letter(projectId).stream().anyMatch(section -> section.text() != null && !section.text().isBlank());
    }
}
