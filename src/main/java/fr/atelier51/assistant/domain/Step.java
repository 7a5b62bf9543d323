package fr.atelier51.assistant.domain;

/** The interview's steps, in the order the assistant asks them. */
public enum Step {
    PROBLEM, POPULATION, PROFESSIONALS, SETTING, PAYMENT, TERRITORY, DURATION, DEROGATIONS, EVALUATION, DONE
}
