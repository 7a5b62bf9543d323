package fr.atelier51.project.service;

import java.util.Optional;

/**
 * Who should receive a project's letter, as another feature established it (the assistant derives it from the
 * territories). Implemented outside this package so that projects do not depend on the assistant.
 */
public interface DestinationAdvisor {

    Optional<String> destinationOf(long projectId);
}
