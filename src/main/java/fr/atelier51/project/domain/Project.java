package fr.atelier51.project.domain;

import fr.atelier51.account.domain.Account;
import fr.atelier51.base.domain.Region;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

@Entity
@Table(name = "project")
public class Project {

    public static final int TITLE_MAX = 200;
    public static final int SUMMARY_MAX = 2000;
    public static final int ORGANISATION_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(length = SUMMARY_MAX)
    private String summary;

    @Column(length = ORGANISATION_MAX)
    private String organisation;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "owner_id")
    private Account owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ProjectStatus status = ProjectStatus.IDEE;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_region", joinColumns = @JoinColumn(name = "project_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "region", length = 40)
    private Set<Region> regions = EnumSet.noneOf(Region.class);

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "project_holder", joinColumns = @JoinColumn(name = "project_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<Account> coHolders = new LinkedHashSet<>();

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "project_coach", joinColumns = @JoinColumn(name = "project_id"),
            inverseJoinColumns = @JoinColumn(name = "account_id"))
    private Set<Account> coaches = new LinkedHashSet<>();

    @Column(name = "filed_on")
    private LocalDate filedOn;

    @Column(name = "filed_destination", length = 300)
    private String filedDestination;

    @Column(name = "outcome_on")
    private LocalDate outcomeOn;

    @Column(name = "outcome_note", length = 2000)
    private String outcomeNote;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Project() {
    }

    public Project(String title, String summary, String organisation, Set<Region> regions, Account owner) {
        this.title = title;
        this.summary = summary;
        this.organisation = organisation;
        this.regions = regions.isEmpty() ? EnumSet.noneOf(Region.class) : EnumSet.copyOf(regions);
        this.owner = owner;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public boolean isOwner(Account account) {
        return owner.equals(account);
    }

    /** Owner or invited co-holder. */
    public boolean isHolder(Account account) {
        return isOwner(account) || coHolders.contains(account);
    }

    public boolean isAssignedCoach(Account account) {
        return coaches.contains(account);
    }

    public void addCoHolder(Account account) {
        coHolders.add(account);
        touch();
    }

    public boolean removeCoHolder(Account account) {
        boolean removed = coHolders.remove(account);
        touch();
        return removed;
    }

    public void assignCoach(Account coach) {
        coaches.add(coach);
        touch();
    }

    public boolean unassignCoach(Account coach) {
        boolean removed = coaches.remove(coach);
        touch();
        return removed;
    }

    public void changeStatus(ProjectStatus newStatus) {
        this.status = newStatus;
        touch();
    }

    public void recordFiling(LocalDate on, String destination) {
        this.filedOn = on;
        this.filedDestination = destination;
    }

    public void recordOutcome(LocalDate on, String note) {
        this.outcomeOn = on;
        this.outcomeNote = note;
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public String getFiledDestination() {
        return filedDestination;
    }

    public LocalDate getOutcomeOn() {
        return outcomeOn;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public void touch() {
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getOrganisation() {
        return organisation;
    }

    public Account getOwner() {
        return owner;
    }

    public ProjectStatus getStatus() {
        return status;
    }

    public Set<Region> getRegions() {
        return Collections.unmodifiableSet(regions);
    }

    public Set<Account> getCoHolders() {
        return Collections.unmodifiableSet(coHolders);
    }

    public Set<Account> getCoaches() {
        return Collections.unmodifiableSet(coaches);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Project other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
