package fr.atelier51.project.service;

/**
 * Whether a project's letter has any text yet, as the workspace knows it. Implemented outside this package so
 * that projects do not depend on the workspace; the project page uses it to offer exports only when there is
 * something to export (an empty letter is refused by the exporters).
 */
public interface LetterContents {

    boolean hasText(long projectId);
}
