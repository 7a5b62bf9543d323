package fr.atelier51.knowledge.domain;

/** Where a passage comes from; the UI and the API filter on it. */
public enum SourceKind {
    /** Official consolidated text (a code article). */
    OFFICIAL,
    /** One of our methodology notes in knowledge/. */
    NOTE,
    /** A document uploaded by an admin or a coach. */
    UPLOAD;

    public String messageKey() {
        return "knowledge.source." + name();
    }
}
