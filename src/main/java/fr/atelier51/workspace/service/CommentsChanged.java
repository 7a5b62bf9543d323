package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.SectionKey;

/** Published when a thread of a project's letter is added, answered, resolved, accepted... (after commit). */
public record CommentsChanged(long projectId, SectionKey key) {
}
