package org.ewn.query.inbox;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.access.NetworkUser;
import org.ewn.api.audit.RecordViewed;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Records each opening of a record in the event log, before it is answered: a read that could not be recorded is not
 * answered, so that no one reads without a trace.
 */
@Component
class ReadsLog {

    private final EventStore events;
    private final Clock clock = Clock.systemUTC();

    ReadsLog(EventStore events) {
        this.events = events;
    }

    void viewed(NetworkUser reader, String kind, String recordId, boolean shown) {
        events.publish(GenericEventMessage.asEventMessage(new RecordViewed(kind, recordId, reader.getUsername(),
                reader.agency(), reader.member(), shown, clock.instant())));
    }
}
