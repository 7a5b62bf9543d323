package fr.atelier51.project.service;

import fr.atelier51.base.domain.Region;

import java.util.EnumSet;
import java.util.Set;

/** What a holder types to start a project. Mutable so that a Vaadin Binder can fill it. */
public class NewProject {
    private String title = "";
    private String summary = "";
    private String organisation = "";
    private Set<Region> regions = EnumSet.noneOf(Region.class);

    public NewProject() {
    }

    public NewProject(String title, String summary, String organisation, Set<Region> regions) {
        this.title = title;
        this.summary = summary;
        this.organisation = organisation;
        this.regions = regions;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public Set<Region> getRegions() { return regions; }
    public void setRegions(Set<Region> regions) { this.regions = regions; }
}
