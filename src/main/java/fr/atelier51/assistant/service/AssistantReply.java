package fr.atelier51.assistant.service;

import fr.atelier51.assistant.domain.Citation;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.domain.Step;

import java.util.List;

/**
 * The assistant's answer to one message: its text (French), the sources it cites, the next step and the record.
 * {@code phrasing} is set when a streaming model will rephrase the text: pass it to {@link AssistantService#streamPhrasing}.
 */
public record AssistantReply(String text, List<Citation> citations, Step step, ProjectRecord record, PendingPhrasing phrasing) {

    public AssistantReply(String text, List<Citation> citations, Step step, ProjectRecord record) {
        this(text, citations, step, record, null);
    }

    /** A saved assistant message (the engine's words for now) that the model is about to rephrase. */
    public record PendingPhrasing(long messageId, ReplyPhraser.Request request) {
    }
}
