package org.ewn.store;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;

import java.time.Instant;

/**
 * A stored event that no aggregate published. Kept apart from {@link DomainEventRecord} because Axon turns any
 * {@code DomainEventData} into a domain event message.
 */
record PlainEventRecord(TrackingToken trackingToken, SerializedEvent event) implements TrackedEventData<byte[]> {

    @Override
    public String getEventIdentifier() {
        return event.eventId();
    }

    @Override
    public Instant getTimestamp() {
        return event.timestamp();
    }

    @Override
    public SerializedObject<byte[]> getMetaData() {
        return event.serializedMetaData();
    }

    @Override
    public SerializedObject<byte[]> getPayload() {
        return event.serializedPayload();
    }
}
