package fr.atelier51.account.service;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles password guessing: after N failed logins for one e-mail within the window, that e-mail is locked for
 * the window (in memory; a restart clears it, which is acceptable for a throttle). Applies to the login form and
 * to HTTP Basic alike, since both publish the same Spring Security events.
 */
@Service
public class LoginAttemptService {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Autowired
    public LoginAttemptService(@Value("${atelier51.security.max-login-failures:5}") int maxFailures,
                               @Value("${atelier51.security.login-lock-minutes:15}") int lockMinutes) {
        this(maxFailures, Duration.ofMinutes(lockMinutes), Clock.systemUTC());
    }

    LoginAttemptService(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        recordFailure(String.valueOf(event.getAuthentication().getPrincipal()));
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    public void recordFailure(String login) {
        Deque<Instant> times = failures.computeIfAbsent(key(login), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            prune(times);
        }
    }

    public boolean isLocked(String login) {
        Deque<Instant> times = failures.get(key(login));
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= maxFailures;
        }
    }

    private void prune(Deque<Instant> times) {
        Instant limit = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(limit)) {
            times.removeFirst();
        }
    }

    private static String key(String login) {
        return login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
    }
}
