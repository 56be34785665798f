package org.ewn.verify;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Seconds since the epoch as a JSON number (as Jackson writes an {@link Instant} as a timestamp), read as the decimal
 * {@link JsonNode#decimalValue()} gives, truncated to the nanosecond. The usual values take a shorter way to the same
 * instant than the general one: its decimal division cost more per event than the hash chain.
 */
final class EpochSeconds {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Below this, a whole double has a decimal form without a fraction, so its seconds are the double's. */
    private static final double WHOLE_LIMIT = 1e15;
    /** Below this many seconds, the nanoseconds fit in a long. */
    private static final BigDecimal NANOS_LIMIT = BigDecimal.valueOf(9_000_000_000L);

    private EpochSeconds() {
    }

    static Instant of(JsonNode number) {
        if (number.isDouble()) {
            double seconds = number.doubleValue();
            if (seconds == Math.rint(seconds) && Math.abs(seconds) < WHOLE_LIMIT) {
                return Instant.ofEpochSecond((long) seconds);
            }
        }
        BigDecimal seconds = number.decimalValue();
        if (seconds.abs().compareTo(NANOS_LIMIT) < 0) {
            // truncating the whole count of nanoseconds truncates the seconds and their fraction alike
            long nanos = seconds.movePointRight(9).longValue();
            return Instant.ofEpochSecond(nanos / NANOS_PER_SECOND, nanos % NANOS_PER_SECOND);
        }
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }
}
