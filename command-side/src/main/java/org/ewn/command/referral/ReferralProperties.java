package org.ewn.command.referral;

import org.ewn.api.referral.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How referrals are handled ({@code ewn.referrals.*}).
 *
 * @param acceptWithin  how long the receiving agency has to accept or decline a referral of each urgency, such as
 *                      {@code ewn.referrals.accept-within.emergency=12h}; unset ones keep their defaults (EMERGENCY
 *                      24 hours, URGENT 72 hours, ROUTINE 14 days)
 * @param checkInterval how often each command node looks for referrals past their deadline (default 5 seconds)
 */
@ConfigurationProperties("ewn.referrals")
record ReferralProperties(Map<Urgency, Duration> acceptWithin, Duration checkInterval) {

    private static final Map<Urgency, Duration> DEFAULTS = Map.of(
            Urgency.EMERGENCY, Duration.ofHours(24),
            Urgency.URGENT, Duration.ofHours(72),
            Urgency.ROUTINE, Duration.ofDays(14));

    ReferralProperties {
        Map<Urgency, Duration> merged = new EnumMap<>(DEFAULTS);
        if (acceptWithin != null) {
            merged.putAll(acceptWithin);
        }
        acceptWithin = Map.copyOf(merged);
        checkInterval = checkInterval == null ? Duration.ofSeconds(5) : checkInterval;
    }

    Duration acceptWithin(Urgency urgency) {
        return acceptWithin.get(urgency);
    }
}
