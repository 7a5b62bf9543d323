package fr.atelier51.account.service;

import fr.atelier51.base.service.BusinessException;

import java.util.Locale;
import java.util.Set;

/**
 * Length first (NIST SP 800-63B style): at least 10 characters, not all of one kind, not a well-known password,
 * not the e-mail itself.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> WELL_KNOWN = Set.of(
            "motdepasse", "motdepasse1", "password", "password1", "password123", "azertyuiop", "qwertyuiop",
            "1234567890", "0123456789", "azerty1234", "soleil1234", "bonjour123", "atelier51", "abcdefghij");

    private PasswordPolicy() {
    }

    public static void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new BusinessException("account.error.password-too-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new BusinessException("account.error.password-too-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        boolean allDigits = password.chars().allMatch(Character::isDigit);
        boolean allLetters = password.chars().allMatch(Character::isLetter);
        boolean fewDistinct = password.chars().distinct().count() <= 2;
        String emailName = email == null ? "" : email.split("@")[0].toLowerCase(Locale.ROOT);
        boolean containsEmail = emailName.length() >= 4 && lower.contains(emailName);
        if (allDigits || allLetters || fewDistinct || containsEmail || WELL_KNOWN.contains(lower)) {
            throw new BusinessException("account.error.password-weak");
        }
    }
}
