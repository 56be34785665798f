package org.ewn.query.push;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The audiences of recent alerts, learnt from their {@link AlertRaised} as the log passes by; the least recently used
 * are forgotten beyond a bound. An event of an alert not (or no longer) known reads the alert's first event, its
 * {@code AlertRaised}, from the store.
 */
final class KnownAlerts {

    private final EventStore events;
    private final Map<AlertId, Audience> audiences;

    KnownAlerts(EventStore events, int capacity) {
        this.events = events;
        this.audiences = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AlertId, Audience> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The audience of the event's alert; empty only if the store has no {@code AlertRaised} for it, which the alert
     * aggregate never allows.
     *
     * @throws RuntimeException if the store cannot be read; the caller retries rather than push without a check
     */
    Optional<Audience> of(AlertEvent event) {
        if (event instanceof AlertRaised raised) {
            Audience audience = Audience.of(raised);
            remember(raised.alertId(), audience);
            return Optional.of(audience);
        }
        Audience known;
        synchronized (audiences) {
            known = audiences.get(event.alertId());
        }
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Audience> loaded = load(event.alertId());
        loaded.ifPresent(audience -> remember(event.alertId(), audience));
        return loaded;
    }

    private void remember(AlertId alertId, Audience audience) {
        synchronized (audiences) {
            audiences.put(alertId, audience);
        }
    }

    /** From sequence 0, so that a snapshot of the aggregate, if one is ever taken, is not what comes first. */
    private Optional<Audience> load(AlertId alertId) {
        try (Stream<? extends DomainEventMessage<?>> stream = events.readEvents(alertId.toString(), 0).asStream()) {
            return stream.findFirst()
                         .map(DomainEventMessage::getPayload)
                         .filter(AlertRaised.class::isInstance)
                         .map(first -> Audience.of((AlertRaised) first));
        }
    }
}
