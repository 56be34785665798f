package org.ewn.store;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;

import java.time.Instant;

/**
 * An aggregate's stored event as Axon's upcasters read it; without a tracking token when read for an aggregate load.
 */
record DomainEventRecord(TrackingToken trackingToken, SerializedEvent event)
        implements DomainEventData<byte[]>, TrackedEventData<byte[]> {

    @Override
    public String getType() {
        return event.aggregateType();
    }

    @Override
    public String getAggregateIdentifier() {
        return event.aggregateId();
    }

    @Override
    public long getSequenceNumber() {
        return event.sequenceNumber();
    }

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
