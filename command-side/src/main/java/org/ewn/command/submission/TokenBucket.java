package org.ewn.command.submission;

import java.time.Duration;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each request takes one. Time is
 * passed in (nanoseconds from any fixed origin), so the arithmetic is tested without waiting.
 */
final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst, long nowNanos) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes a token if there is one; otherwise says how long until there is. Duration.ZERO means taken. */
    synchronized Duration take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        double seconds = (1 - tokens) / perSecond;
        return Duration.ofNanos((long) Math.ceil(seconds * 1_000_000_000d));
    }

    /** Whether the bucket is full again, so that forgetting it changes nothing. */
    synchronized boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed / 1_000_000_000d * perSecond);
            last = nowNanos;
        }
    }
}
