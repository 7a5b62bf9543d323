package fr.atelier51.account.service;

import java.time.Clock;
import java.time.Duration;

/** Reaches the package-private constructor that takes a clock. */
public final class LoginAttemptServiceAccess {
    private LoginAttemptServiceAccess() {
    }

    public static LoginAttemptService create(int maxFailures, Duration window, Clock clock) {
        return new LoginAttemptService(maxFailures, window, clock);
    }
}
