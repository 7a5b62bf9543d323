package fr.atelier51.account;

import fr.atelier51.account.service.PasswordPolicy;
import fr.atelier51.base.service.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "court1!, account.error.password-too-short",
            "1234567890123, account.error.password-weak",
            "abcdefghijklm, account.error.password-weak",
            "aaaaaaaaaaa1, account.error.password-weak",
            "Password123, account.error.password-weak",
            "jean.dupont-2026, account.error.password-weak",
    })
    void refusesWeakPasswords(String password, String key) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "jean.dupont@exemple.fr"))
                .isInstanceOf(BusinessException.class).hasMessage(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"atelier51-demo", "Radium-1898!", "quatre mots au hasard", "cheval agrafe 42"})
    void acceptsReasonablePasswords(String password) {
        assertThatCode(() -> PasswordPolicy.check(password, "jean.dupont@exemple.fr")).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void refusesAbsurdlyLongPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("a1".repeat(100), "x@y.fr")).hasMessage("account.error.password-too-long");
    }
}
