package fr.atelier51.account.service;

import fr.atelier51.base.domain.Region;

/** What a person types to open an account. Mutable so that a Vaadin Binder can fill it. */
public class SignUpForm {
    private String displayName = "";
    private String email = "";
    private String organisation = "";
    private Region region;
    private String password = "";
    /** The language the person used while signing up; becomes their remembered language. */
    private java.util.Locale language = java.util.Locale.FRENCH;

    public SignUpForm() {
    }

    public SignUpForm(String displayName, String email, String organisation, Region region, String password) {
        this.displayName = displayName;
        this.email = email;
        this.organisation = organisation;
        this.region = region;
        this.password = password;
    }

    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public Region getRegion() { return region; }
    public void setRegion(Region region) { this.region = region; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public java.util.Locale getLanguage() { return language; }
    public SignUpForm withLanguage(java.util.Locale language) { this.language = language; return this; }
}
