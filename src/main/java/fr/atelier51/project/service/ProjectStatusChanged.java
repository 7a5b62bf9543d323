package fr.atelier51.project.service;

import fr.atelier51.project.domain.ProjectStatus;

/** Published when a project changes status (e.g. the letter workspace freezes the filed version on DEPOSEE). */
public record ProjectStatusChanged(long projectId, ProjectStatus from, ProjectStatus to, long actorId) {
}
