package fr.atelier51.workspace.service;

import fr.atelier51.workspace.domain.SectionKey;

import java.util.Map;

/**
 * Text already known about a project (what the assistant established) that starts the letter's sections when the
 * letter is first opened. Implemented by the features that know it, so the workspace depends on none of them.
 */
public interface SectionPrefill {

    Map<SectionKey, String> prefill(long projectId);
}
