package fr.atelier51.workspace.service;

/**
 * Someone with the letter open: where they are (section key, or null) and their selection in it, as positions in
 * the section's text at {@code version} (so a browser can place the caret in its own copy without it jumping).
 */
public record Presence(String sessionId, long accountId, String name, String colour, String section, int anchor, int head,
                       long version) {

    Presence at(String newSection, int newAnchor, int newHead, long newVersion) {
        return new Presence(sessionId, accountId, name, colour, newSection, newAnchor, newHead, newVersion);
    }
}
