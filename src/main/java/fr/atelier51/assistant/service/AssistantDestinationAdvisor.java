package fr.atelier51.assistant.service;

import fr.atelier51.project.service.DestinationAdvisor;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The filing dialog proposes the destination the assistant derived from the territories (R.162-50-5). */
@Component
public class AssistantDestinationAdvisor implements DestinationAdvisor {

    private final AssistantService assistant;

    public AssistantDestinationAdvisor(AssistantService assistant) {
        this.assistant = assistant;
    }

    @Override
    public Optional<String> destinationOf(long projectId) {
        var destination = assistant.state(projectId).getDestination();
        return destination == null ? Optional.empty() : Optional.of(destination.name());
    }
}
