package fr.atelier51.assistant.service;

import fr.atelier51.assistant.domain.Signal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one message says, before it is merged into the record. */
final class Extraction {
    final Set<String> professionals = new LinkedHashSet<>();
    final Set<String> settings = new LinkedHashSet<>();
    final Set<String> paymentModels = new LinkedHashSet<>();
    final Set<String> population = new LinkedHashSet<>();
    final Set<Signal> signals = EnumSet.noneOf(Signal.class);
    /** Derogation code → why it is proposed. */
    final Map<String, String> derogations = new LinkedHashMap<>();
    Territories.Result territories;
    Integer durationMonths;
    List<String> evaluationIdeas = List.of();
    boolean question;
    boolean english;
    boolean injection;
    boolean skip;
    boolean yes;
    boolean no;

    boolean hasFacts() {
        return !professionals.isEmpty() || !settings.isEmpty() || !paymentModels.isEmpty() || !population.isEmpty()
                || !derogations.isEmpty() || (territories != null && !territories.isEmpty()) || durationMonths != null
                || !evaluationIdeas.isEmpty() || !signals.isEmpty();
    }
}
