package org.ewn.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing at the console's sign-in: after {@code attempts} failures for one username (or
 * {@value #ADDRESS_FACTOR} times as many from one client address, which an office behind one router shares), each
 * within {@code lockout} of the previous one, further sign-ins for it are refused until {@code lockout} has passed
 * since the last failure, whether the password would be right or not. Keyed by username and by address separately, so that
 * one address cannot try many usernames and many addresses cannot try one username. In memory, per node: a restart or
 * another node forgets, which bounds guessing but does not stop a patient attacker; long random passwords do that.
 */
public final class SignInThrottle {

    /** Beyond this many remembered keys, the oldest entries are dropped rather than memory grown. */
    private static final int MAX_KEYS = 100_000;
    static final int ADDRESS_FACTOR = 4;

    private final int attempts;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(int attempts, Duration lockout, Clock clock) {
        this.attempts = attempts;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long until the username, or the address, may try again; zero if it may now. */
    public Duration retryAfter(String username, String address) {
        Instant now = clock.instant();
        Duration byName = wait(key("user", username), attempts, now);
        Duration byAddress = wait(key("address", address), attempts * ADDRESS_FACTOR, now);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> !now.isBefore(f.last().plus(lockout)));
        }
        failures.merge(key("user", username), new Failures(1, now), (old, one) -> old.plusOne(now, lockout));
        failures.merge(key("address", address), new Failures(1, now), (old, one) -> old.plusOne(now, lockout));
    }

    /** A successful sign-in clears the username's failures; the address keeps its own. */
    public void succeeded(String username) {
        failures.remove(key("user", username));
    }

    private Duration wait(String key, int allowed, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < allowed) {
            return Duration.ZERO;
        }
        Instant until = f.last().plus(lockout);
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT));
    }

    private record Failures(int count, Instant last) {

        /** Failures older than the lockout are forgotten, so an occasional typo never adds up to a lockout. */
        Failures plusOne(Instant now, Duration lockout) {
            return now.isBefore(last.plus(lockout)) ? new Failures(count + 1, now) : new Failures(1, now);
        }
    }
}
