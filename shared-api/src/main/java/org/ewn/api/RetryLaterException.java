package org.ewn.api;

import java.time.Duration;

/** A refusal that holds only for a while: the caller sees {@code Retry-After} with the seconds to wait. */
public class RetryLaterException extends ProblemException {

    private final Duration retryAfter;

    public RetryLaterException(java.net.URI type, int status, String detail, Duration retryAfter) {
        super(type, status, detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one, as {@code Retry-After} carries them. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
