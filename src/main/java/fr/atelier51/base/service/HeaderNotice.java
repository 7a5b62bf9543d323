package fr.atelier51.base.service;

/**
 * Something waiting for the signed-in person, shown as a badge in the header (features implement it, so the app
 * shell depends on none of them). A count of 0 hides the badge.
 */
public interface HeaderNotice {

    /** How many things wait for the signed-in person. */
    int count();

    /** Where a click on the badge leads (a route path). */
    String route();

    /** i18n key of the badge's label, with the count as {0}. */
    String labelKey();

    /**
     * Calls {@code onChange} (from any thread) whenever the signed-in person's count may have changed, until the
     * returned action is run. The header subscribes while it is attached, so the badge updates over Push. By default
     * nothing is announced and the count refreshes on navigation only.
     */
    default Runnable subscribe(Runnable onChange) {
        return () -> { };
    }
}
