package fr.atelier51.portfolio.service;

import fr.atelier51.assistant.domain.Scope;
import fr.atelier51.assistant.domain.Verdict;
import fr.atelier51.base.domain.Region;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.project.domain.ProjectStatus;

import java.time.Instant;
import java.util.Set;

/**
 * One project as a coach follows it: where it stands, where its letter goes, and how long it has been quiet.
 * Scope, destination and verdict are what the assistant established so far (null when not yet known); readiness and
 * completeness (percent) come from the readiness panel with the coaches' decisions.
 */
public record PortfolioRow(long projectId, String title, String owner, String organisation, ProjectStatus status,
                           Set<Region> regions, Scope scope, String destination, Verdict verdict,
                           Instant lastActivity, long daysSinceLastChange, Readiness.Overall readiness, int completeness) {
}
