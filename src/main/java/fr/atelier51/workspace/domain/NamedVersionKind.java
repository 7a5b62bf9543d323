package fr.atelier51.workspace.domain;

/** Who named a version of the letter: a person, or the app on a status change. */
public enum NamedVersionKind {
    /** Named by a member or coach ("envoyée au coach le …"). */
    MANUAL,
    /** The holders asked their coach for a review. */
    REVIEW_REQUESTED,
    /** The letter was filed; changes after it are "modifications après dépôt". */
    FILED
}
