package org.ewn.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Instant;

/**
 * The fields of an event as they are stored, before it has a place in the log. A {@code null} aggregate id marks an
 * event that no aggregate published; its type and sequence number are then meaningless.
 */
record SerializedEvent(String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                       Instant timestamp, String payloadType, String payloadRevision,
                       byte[] payload, byte[] metadata) {

    static SerializedEvent of(EventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = event.serializeMetaData(serializer, byte[].class);
        String type = null;
        String aggregateId = null;
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            type = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
        }
        return new SerializedEvent(event.getIdentifier(), type, aggregateId, sequence, event.getTimestamp(),
                                   payload.getType().getName(), payload.getType().getRevision(),
                                   payload.getData(), metadata.getData());
    }

    boolean hasAggregate() {
        return aggregateId != null;
    }

    int size() {
        return payload.length + metadata.length;
    }

    /** The payload as Axon's upcasters and serializers read it. */
    SerializedObject<byte[]> serializedPayload() {
        return new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision);
    }

    SerializedObject<byte[]> serializedMetaData() {
        return new SerializedMetaData<>(metadata, byte[].class);
    }

    /** Writes the fields into {@code target}; the aggregate fields only for an aggregate's event. */
    Document appendTo(Document target) {
        target.append("eventId", eventId);
        if (hasAggregate()) {
            target.append("aggType", aggregateType).append("aggId", aggregateId).append("seq", sequenceNumber);
        }
        return target.append("timestamp", timestamp.toString())
                     .append("payloadType", payloadType)
                     .append("payloadRevision", payloadRevision)
                     .append("payload", new Binary(payload))
                     .append("metadata", new Binary(metadata));
    }

    static SerializedEvent from(Document document) {
        String aggregateId = document.getString("aggId");
        return new SerializedEvent(document.getString("eventId"),
                                   document.getString("aggType"),
                                   aggregateId,
                                   aggregateId == null ? 0 : document.getLong("seq"),
                                   Instant.parse(document.getString("timestamp")),
                                   document.getString("payloadType"),
                                   document.getString("payloadRevision"),
                                   document.get("payload", Binary.class).getData(),
                                   document.get("metadata", Binary.class).getData());
    }
}
