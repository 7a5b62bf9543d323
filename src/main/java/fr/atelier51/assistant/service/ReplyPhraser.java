package fr.atelier51.assistant.service;

import fr.atelier51.assistant.domain.Citation;

import java.util.List;
import java.util.Optional;

/**
 * The language-model seam: rephrases the engine's reply more fluently. Facts, derogations, routing and citations
 * stay the engine's; {@link Phrasing} refuses a rephrased text that drops a legal reference.
 */
public interface ReplyPhraser {

    /** What the model is given: the holder's message, the engine's reply (with its passages), its sources, recent turns. */
    record Request(String holderMessage, String engineReply, List<Citation> citations, List<String> recentTurns) {
    }

    /** Whether a model is configured at all (when not, nothing is prepared for it). */
    boolean enabled();

    /** Empty when no model is configured; throws when the model fails (the caller falls back to the engine's reply). */
    Optional<String> phrase(Request request);
}
