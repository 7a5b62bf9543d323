package fr.atelier51.assistant.domain;

public enum DerogationStatus {
    PROPOSED, CONFIRMED, REJECTED
}
