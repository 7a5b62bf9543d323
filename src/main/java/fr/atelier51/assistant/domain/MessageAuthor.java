package fr.atelier51.assistant.domain;

public enum MessageAuthor {
    HOLDER, ASSISTANT
}
