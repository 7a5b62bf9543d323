package fr.atelier51.knowledge.service;

/** Field names of the knowledge index. */
final class KnowledgeFields {

    /** "passage" (searched), "article" (an article's full record, for its page). */
    static final String TYPE = "type";
    static final String TYPE_PASSAGE = "passage";
    static final String TYPE_ARTICLE = "article";
    /** SourceKind name. */
    static final String SOURCE = "source";
    /** LEGITEXT id of the code (official texts), "" otherwise. */
    static final String CODE = "code";
    static final String CODE_SHORT = "codeShort";
    /** Unit of citation: "CODE:REF" for an article, "note:ID" for a note, "upload:ID" for an upload. */
    static final String UNIT = "unit";
    /** Own normalised reference of an article (passages and article records). */
    static final String REF = "ref";
    /** References cited by the passage. */
    static final String CITED = "cited";
    /** "1" when the article's state allows it to be in force (then the day must be within FROM_DAY..TO_DAY). */
    static final String IN_FORCE = "inForce";
    static final String FROM_DAY = "fromDay";
    static final String TO_DAY = "toDay";
    static final String EMPHASIS = "emphasis";
    /** Multiplicative ranking weight (doc values). */
    static final String WEIGHT = "weight";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String EXACT = "exact";
    static final String CRUMBS = "crumbs";
    /** Where a passage's text holds a multi-word synonym form ({@link IndexedForms}), one token per occurrence. */
    static final String FORMS = "forms";
    /** Breadcrumb stored on an article record (not searched). */
    static final String ARTICLE_CRUMBS = "articleCrumbs";
    static final String ANCHOR = "anchor";
    static final String LEGI_ID = "legiId";
    static final String CID = "cid";
    static final String ETAT = "etat";
    static final String FROM = "from";
    static final String TO = "to";
    static final String HTML = "html";
    static final String NOTA = "nota";
    static final String VERSIONS = "versions";
    static final String NOTE_ID = "noteId";
    static final String UPDATED = "updated";
    static final String ORDER = "order";
    static final String UPLOAD_ID = "uploadId";
    static final String UPLOAD_TITLE = "uploadTitle";
    static final String UPLOAD_FILE = "uploadFile";
    static final String UPLOAD_BY = "uploadBy";

    static final String CRUMB_SEPARATOR = " › ";

    private KnowledgeFields() {
    }
}
