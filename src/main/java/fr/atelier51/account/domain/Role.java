package fr.atelier51.account.domain;

/** The three roles of product.md. A role is held by one account; access to a project also depends on membership. */
public enum Role {
    HOLDER, COACH, ADMIN;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
