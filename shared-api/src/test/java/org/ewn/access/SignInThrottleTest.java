package org.ewn.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(1), clock);

    @Test
    void refusesAUsernameForTheLockoutAfterFiveFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("uz-officer", "10.0.0." + i);
        }
        assertThat(throttle.retryAfter("uz-officer", "10.0.0.9")).isZero();
        throttle.failed("UZ-Officer", "10.0.0.5");
        assertThat(throttle.retryAfter("uz-officer", "10.0.0.9")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.retryAfter("kz-officer", "10.0.0.9")).as("another username").isZero();
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.retryAfter("uz-officer", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("uz-officer", "10.0.0.9")).isZero();
    }

    @Test
    void refusesAnAddressThatTriesManyUsernames() {
        for (int i = 0; i < 5 * SignInThrottle.ADDRESS_FACTOR; i++) {
            throttle.failed("guess-" + i, "203.0.113.7");
        }
        assertThat(throttle.retryAfter("uz-officer", "203.0.113.7")).isPositive();
        assertThat(throttle.retryAfter("uz-officer", "203.0.113.8")).isZero();
    }

    @Test
    void forgetsFailuresSpreadOverMoreThanTheLockout() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("uz-officer", "10.0.0.1");
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(throttle.retryAfter("uz-officer", "10.0.0.1")).isZero();
    }

    @Test
    void successClearsTheUsernamesFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("uz-officer", "10.0.0.1");
        }
        throttle.succeeded("uz-officer");
        throttle.failed("uz-officer", "10.0.0.1");
        assertThat(throttle.retryAfter("uz-officer", "10.0.0.2")).isZero();
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
