package fr.atelier51.base.service;

import java.util.Locale;
import java.util.Optional;

/** What the shell needs to know about the signed-in user, without depending on the account feature. */
public interface UserPreferences {

    /** The signed-in user's remembered language, if any user is signed in. */
    Optional<Locale> currentLanguage();

    /** Remembers the language for the signed-in user (no-op for anonymous visitors). */
    void rememberLanguage(Locale locale);

    /** Display name and role label of the signed-in user, for the header. */
    Optional<String> currentDisplayName();
}
