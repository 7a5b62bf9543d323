package fr.atelier51.assistant.domain;

import fr.atelier51.base.domain.Region;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The structured record the assistant builds with the holder (journey 1). Stored as one JSON document per project
 * so that its shape can grow without a migration; every derived field (scope, destination, funds, checks, verdict)
 * is recomputed from the facts after each turn, so the record cannot drift out of step with its own rules.
 */
public class ProjectRecord {

    public static final int TEXT_MAX = 1000;

    // Facts given by the holder
    private String problem;
    private String population;
    private List<String> professionals = new ArrayList<>();
    private List<String> settings = new ArrayList<>();
    private String organisation;
    private List<String> paymentModels = new ArrayList<>();
    private String paymentChange;
    private List<String> territories = new ArrayList<>();
    private Set<Region> regions = new TreeSet<>();
    private boolean national;
    private boolean multiRegion;
    private Integer durationMonths;
    private String durationNote;
    private List<String> evaluationIdeas = new ArrayList<>();
    private Set<Signal> signals = EnumSet.noneOf(Signal.class);

    // Derived by the rules
    private List<String> purposes = new ArrayList<>();
    private List<String> categories = new ArrayList<>();
    private List<Derogation> derogations = new ArrayList<>();
    private Scope scope;
    private String scopeReasoning;
    private Destination destination;
    private List<FundLine> funds = new ArrayList<>();
    private List<EligibilityCheck> checks = new ArrayList<>();
    private Verdict verdict = Verdict.TO_CLARIFY;
    private String verdictExplanation;
    private String nextAction;

    // Interview state
    private Step currentStep = Step.PROBLEM;
    private Set<Step> skipped = EnumSet.noneOf(Step.class);
    private int turns;

    public static String clip(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return s.length() <= TEXT_MAX ? s : s.substring(0, TEXT_MAX - 1) + "…";
    }

    public boolean hasPaymentInfo() {
        return !paymentModels.isEmpty() || paymentChange != null;
    }

    public List<Derogation> keptDerogations() {
        return derogations.stream().filter(Derogation::isKept).toList();
    }

    /** For the JSON state: whether any kept derogation needs an HAS opinion (read-only, recomputed). */
    public boolean isHasOpinionRequired() {
        return needsHasOpinion();
    }

    public void setHasOpinionRequired(boolean ignored) {
        // derived: ignored when read back
    }

    public boolean needsHasOpinion() {
        return keptDerogations().stream().anyMatch(Derogation::isHasOpinion);
    }

    public String getProblem() { return problem; }
    public void setProblem(String problem) { this.problem = clip(problem); }
    public String getPopulation() { return population; }
    public void setPopulation(String population) { this.population = clip(population); }
    public List<String> getProfessionals() { return professionals; }
    public void setProfessionals(List<String> professionals) { this.professionals = new ArrayList<>(professionals); }
    public List<String> getSettings() { return settings; }
    public void setSettings(List<String> settings) { this.settings = new ArrayList<>(settings); }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = clip(organisation); }
    public List<String> getPaymentModels() { return paymentModels; }
    public void setPaymentModels(List<String> paymentModels) { this.paymentModels = new ArrayList<>(paymentModels); }
    public String getPaymentChange() { return paymentChange; }
    public void setPaymentChange(String paymentChange) { this.paymentChange = clip(paymentChange); }
    public List<String> getTerritories() { return territories; }
    public void setTerritories(List<String> territories) { this.territories = new ArrayList<>(territories); }
    public Set<Region> getRegions() { return regions; }
    public void setRegions(Set<Region> regions) { this.regions = new TreeSet<>(regions); }
    public boolean isNational() { return national; }
    public void setNational(boolean national) { this.national = national; }
    public boolean isMultiRegion() { return multiRegion; }
    public void setMultiRegion(boolean multiRegion) { this.multiRegion = multiRegion; }
    public Integer getDurationMonths() { return durationMonths; }
    public void setDurationMonths(Integer durationMonths) { this.durationMonths = durationMonths; }
    public String getDurationNote() { return durationNote; }
    public void setDurationNote(String durationNote) { this.durationNote = durationNote; }
    public List<String> getEvaluationIdeas() { return evaluationIdeas; }
    public void setEvaluationIdeas(List<String> evaluationIdeas) { this.evaluationIdeas = new ArrayList<>(evaluationIdeas); }
    public Set<Signal> getSignals() { return signals; }
    public void setSignals(Set<Signal> signals) { this.signals = signals.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(signals); }
    public List<String> getPurposes() { return purposes; }
    public void setPurposes(List<String> purposes) { this.purposes = new ArrayList<>(purposes); }
    public List<String> getCategories() { return categories; }
    public void setCategories(List<String> categories) { this.categories = new ArrayList<>(categories); }
    public List<Derogation> getDerogations() { return derogations; }
    public void setDerogations(List<Derogation> derogations) { this.derogations = new ArrayList<>(derogations); }
    public Scope getScope() { return scope; }
    public void setScope(Scope scope) { this.scope = scope; }
    public String getScopeReasoning() { return scopeReasoning; }
    public void setScopeReasoning(String scopeReasoning) { this.scopeReasoning = scopeReasoning; }
    public Destination getDestination() { return destination; }
    public void setDestination(Destination destination) { this.destination = destination; }
    public List<FundLine> getFunds() { return funds; }
    public void setFunds(List<FundLine> funds) { this.funds = new ArrayList<>(funds); }
    public List<EligibilityCheck> getChecks() { return checks; }
    public void setChecks(List<EligibilityCheck> checks) { this.checks = new ArrayList<>(checks); }
    public Verdict getVerdict() { return verdict; }
    public void setVerdict(Verdict verdict) { this.verdict = verdict; }
    public String getVerdictExplanation() { return verdictExplanation; }
    public void setVerdictExplanation(String verdictExplanation) { this.verdictExplanation = verdictExplanation; }
    public String getNextAction() { return nextAction; }
    public void setNextAction(String nextAction) { this.nextAction = nextAction; }
    public Step getCurrentStep() { return currentStep; }
    public void setCurrentStep(Step currentStep) { this.currentStep = currentStep; }
    public Set<Step> getSkipped() { return skipped; }
    public void setSkipped(Set<Step> skipped) { this.skipped = skipped.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(skipped); }
    public int getTurns() { return turns; }
    public void setTurns(int turns) { this.turns = turns; }
}
