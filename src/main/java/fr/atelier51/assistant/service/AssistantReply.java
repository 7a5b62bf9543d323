package fr.atelier51.assistant.service;

import fr.atelier51.assistant.domain.Citation;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.domain.Step;

import java.util.List;

/** The assistant's answer to one message: its text (French), the sources it cites, the next step and the record. */
public record AssistantReply(String text, List<Citation> citations, Step step, ProjectRecord record) {
}
