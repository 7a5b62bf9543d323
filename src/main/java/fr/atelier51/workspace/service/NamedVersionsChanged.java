package fr.atelier51.workspace.service;

/**
 * Published when a project's named versions change (one was named by a person, or by the app on review or filing).
 * It carries only the project: listeners read the list back through {@link NamedVersionService#list}, as their user.
 */
public record NamedVersionsChanged(long projectId) {
}
