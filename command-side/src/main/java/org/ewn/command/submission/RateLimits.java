package org.ewn.command.submission;

import org.ewn.api.RetryLaterException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per agency over its signed submissions. Taken once the signature verified, so nobody can spend
 * another agency's allowance by naming its key. Only requests over the API count: the hub's own setup (the demo
 * network's founding, run inside the node) passes the gate with no request around it and is not limited.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimits {

    /** Past this many agencies' buckets, full ones are forgotten: they would change nothing. */
    private static final int PRUNE_ABOVE = 10_000;

    private final RateLimitProperties properties;
    private final LongSupplier nanos;
    private final Map<AgencyCode, TokenBucket> buckets = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    RateLimits(RateLimitProperties properties) {
        this(properties, System::nanoTime);
    }

    RateLimits(RateLimitProperties properties, LongSupplier nanos) {
        this.properties = properties;
        this.nanos = nanos;
    }

    /** Counts a submission of the agency that arrived over the API, or refuses it with 429 and Retry-After. */
    void admit(AgencyCode agency) {
        if (!properties.enabled() || RequestContextHolder.getRequestAttributes() == null) {
            return;
        }
        take(agency);
    }

    void take(AgencyCode agency) {
        long now = nanos.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        Duration wait = buckets.computeIfAbsent(agency,
                a -> new TokenBucket(properties.perSecond(), properties.burst(), now)).take(now);
        if (!wait.isZero()) {
            RetryLaterException refusal = new RetryLaterException(ProblemTypes.TOO_MANY_REQUESTS, 429, "Agency "
                    + agency + " may send " + properties.perSecond() + " submissions a second, " + properties.burst()
                    + " at once; send this one again after the Retry-After seconds. Nothing was recorded", wait);
            throw refusal;
        }
    }
}
