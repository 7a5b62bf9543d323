package fr.atelier51.assistant.domain;

/** A derogation proposed for, or kept by, this project. Mutable: lives inside {@link ProjectRecord}. */
public class Derogation {

    private String code;
    private String reference;
    private String title;
    private String explanation;
    private boolean hasOpinion;
    private DerogationStatus status = DerogationStatus.PROPOSED;
    /** Why the assistant proposed it (what the holder said). */
    private String reason;
    /** The holder's own justification (required for II 2°: only if indispensable). */
    private String justification;

    public Derogation() {
    }

    public static Derogation proposed(DerogationDefinition def, String reason) {
        Derogation d = new Derogation();
        d.code = def.code();
        d.reference = def.reference();
        d.title = def.title();
        d.explanation = def.explanation();
        d.hasOpinion = def.hasOpinion();
        d.reason = reason;
        return d;
    }

    public boolean isKept() {
        return status != DerogationStatus.REJECTED;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getExplanation() { return explanation; }
    public void setExplanation(String explanation) { this.explanation = explanation; }
    public boolean isHasOpinion() { return hasOpinion; }
    public void setHasOpinion(boolean hasOpinion) { this.hasOpinion = hasOpinion; }
    public DerogationStatus getStatus() { return status; }
    public void setStatus(DerogationStatus status) { this.status = status; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
}
