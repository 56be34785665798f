package org.ewn.command.callback;

import java.time.Duration;

/** Exponential backoff: after the n-th failed attempt, wait {@code initial × multiplier^(n-1)}, at most {@code max}. */
record Backoff(Duration initial, double multiplier, Duration max) {

    Duration after(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        double millis = initial.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }
}
