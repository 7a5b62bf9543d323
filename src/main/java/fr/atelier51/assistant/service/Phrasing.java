package fr.atelier51.assistant.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Applies the optional language model to a reply, and falls back to the engine's own words when it cannot be trusted. */
public final class Phrasing {

    private static final Logger log = LoggerFactory.getLogger(Phrasing.class);
    public static final String FALLBACK_NOTICE = "(Le modèle de langue n’a pas pu reformuler cette réponse : voici la réponse de l’assistant.)";
    private static final Pattern LEGAL_REF = Pattern.compile("\\b[LRD]\\.\\s?\\d{3,4}(-\\d+)+|\\bII\\s?[123]°(\\s?[a-o]\\))?");

    private Phrasing() {
    }

    /** The text to show: the model's, if it answered and kept every legal reference of the engine's reply; else the engine's. */
    public static String apply(ReplyPhraser phraser, ReplyPhraser.Request request) {
        Optional<String> phrased;
        try {
            phrased = phraser.phrase(request);
        } catch (RuntimeException e) {
            log.warn("Assistant: language model failed ({}); engine reply used", e.toString());
            return withNotice(request.engineReply());
        }
        if (phrased.isEmpty()) {
            return request.engineReply();
        }
        return trusted(request.engineReply(), phrased.get()).orElseGet(() -> withNotice(request.engineReply()));
    }

    /** The model's text, stripped, if it is not empty and keeps every legal reference of the engine's reply. */
    public static Optional<String> trusted(String engineReply, String phrased) {
        String text = phrased == null ? "" : phrased.strip();
        Set<String> missing = references(engineReply);
        missing.removeAll(references(text));
        if (text.isEmpty() || !missing.isEmpty()) {
            log.warn("Assistant: model reply empty or dropped references {}; engine reply used", missing);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** The engine's own reply, with the notice that the model could not be used. */
    public static String withNotice(String engineReply) {
        return engineReply + "\n\n" + FALLBACK_NOTICE;
    }

    static Set<String> references(String text) {
        Set<String> refs = new LinkedHashSet<>();
        Matcher m = LEGAL_REF.matcher(text);
        while (m.find()) {
            refs.add(m.group().replaceAll("\\s", ""));
        }
        return refs;
    }
}
