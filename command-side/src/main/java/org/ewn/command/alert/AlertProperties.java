package org.ewn.command.alert;

import org.ewn.api.alert.Precedence;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How alerts are handled ({@code ewn.alerts.*}).
 *
 * @param acknowledgeWithin how long addressees have to acknowledge an alert of each precedence, such as
 *                          {@code ewn.alerts.acknowledge-within.flash=10m}; unset ones keep their defaults (FLASH
 *                          15 minutes, IMMEDIATE 1 hour, PRIORITY 8 hours, ROUTINE 72 hours)
 */
@ConfigurationProperties("ewn.alerts")
record AlertProperties(Map<Precedence, Duration> acknowledgeWithin) {

    private static final Map<Precedence, Duration> DEFAULTS = Map.of(
            Precedence.FLASH, Duration.ofMinutes(15),
            Precedence.IMMEDIATE, Duration.ofHours(1),
            Precedence.PRIORITY, Duration.ofHours(8),
            Precedence.ROUTINE, Duration.ofHours(72));

    AlertProperties {
        Map<Precedence, Duration> merged = new EnumMap<>(DEFAULTS);
        if (acknowledgeWithin != null) {
            merged.putAll(acknowledgeWithin);
        }
        acknowledgeWithin = Map.copyOf(merged);
    }

    Duration acknowledgeWithin(Precedence precedence) {
        return acknowledgeWithin.get(precedence);
    }
}
