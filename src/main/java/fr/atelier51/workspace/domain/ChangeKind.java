package fr.atelier51.workspace.domain;

/** How a change came in. */
public enum ChangeKind {
    /** Typed in a live editor. */
    EDIT,
    /** Sent through the JSON API (three-way merge). */
    API,
    /** An editor's offline text merged back after its session was lost. */
    REJOIN,
    /** An older version restored from the history. */
    RESTORE,
    /** A coach's suggestion, accepted by a holder (attributed to the holder). */
    SUGGESTION
}
