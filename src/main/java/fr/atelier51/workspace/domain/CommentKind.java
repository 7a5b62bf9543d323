package fr.atelier51.workspace.domain;

/** A thread on a passage: a plain comment, or a coach's suggestion (a proposed rewording of the passage). */
public enum CommentKind {
    COMMENT, SUGGESTION
}
