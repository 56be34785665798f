package org.ewn.command.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many signed submissions each agency may send over the API ({@code ewn.rate-limit.*}): {@code perSecond} on
 * average, {@code burst} at once. Past that the hub answers 429 with {@code Retry-After}. Each node keeps its own
 * buckets, so behind a balancer of n command nodes an agency gets up to n times the rate.
 *
 * @param enabled false lets every submission through
 */
@ConfigurationProperties("ewn.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("20") double perSecond,
                                  @DefaultValue("40") int burst) {

    public RateLimitProperties {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("ewn.rate-limit: per-second > 0 and burst >= 1");
        }
    }
}
