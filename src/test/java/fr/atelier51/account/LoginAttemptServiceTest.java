package fr.atelier51.account;

import fr.atelier51.account.service.LoginAttemptServiceAccess;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class LoginAttemptServiceTest {

    @Test
    void locksAnEmailAfterRepeatedFailuresWithinTheWindowThenForgets() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now.get(); }
        };
        var attempts = LoginAttemptServiceAccess.create(3, Duration.ofMinutes(15), clock);
        attempts.recordFailure("Claire@Exemple.fr");
        attempts.recordFailure("claire@exemple.fr");
        assertThat(attempts.isLocked("claire@exemple.fr")).isFalse();
        attempts.recordFailure("claire@exemple.fr ");
        assertThat(attempts.isLocked("CLAIRE@exemple.fr")).isTrue();
        assertThat(attempts.isLocked("autre@exemple.fr")).isFalse();
        now.set(now.get().plus(Duration.ofMinutes(16)));
        assertThat(attempts.isLocked("claire@exemple.fr")).isFalse();
    }
}
