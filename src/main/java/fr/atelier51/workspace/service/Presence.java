package fr.atelier51.workspace.service;

/** Someone with the letter open: where they are (section key, or null) and their selection in it. */
public record Presence(String sessionId, long accountId, String name, String colour, String section, int anchor, int head) {

    Presence at(String newSection, int newAnchor, int newHead) {
        return new Presence(sessionId, accountId, name, colour, newSection, newAnchor, newHead);
    }
}
