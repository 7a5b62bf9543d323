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

    /** Receives a streamed answer: tokens as they come, then exactly one of complete or error. Called on the model's threads. */
    interface Tokens {
        void token(String token);

        void complete(String text);

        void error(Throwable error);
    }

    /** How long a streamed answer may stay silent before the engine's reply replaces it. */
    default java.time.Duration timeout() {
        return java.time.Duration.ofSeconds(20);
    }

    /** Whether the configured model can stream its answer token by token. */
    default boolean streams() {
        return false;
    }

    /**
     * Starts streaming the rephrased reply to {@code tokens} and returns at once; the returned action stops the stream
     * (after a timeout). Throws when the stream cannot even start.
     */
    default Runnable stream(Request request, Tokens tokens) {
        // Callers ask streams() first; a phraser that cannot stream never gets here.
        throw new IllegalStateException("This phraser does not stream; check streams() before calling stream()");
    }
}
