package fr.atelier51.workspace.service;

/**
 * A passage selected in an editor: its offsets in the editor's text and the text itself (the server finds the
 * quote again in its own text, which may be a few keystrokes ahead or behind). {@code quote} null: take the server
 * text between the offsets.
 */
public record Selection(int from, int to, String quote) {
}
