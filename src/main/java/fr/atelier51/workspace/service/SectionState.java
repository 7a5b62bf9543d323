package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.SectionKey;

/** A section as read: its key, text and version. */
public record SectionState(SectionKey key, String text, long version) {
}
