package org.ewn.deploy.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events shaped like the network's own (an alert raised, with Axon's correlation metadata), so that each engine stores
 * documents of the size it would in production, and a raw document of the same size for the baseline.
 */
final class SampleEvents {

    /** Jackson 2, as the application configures Axon; the same serializer for both engines. */
    static final Serializer SERIALIZER = JacksonSerializer.builder()
                                                          .objectMapper(new ObjectMapper().findAndRegisterModules())
                                                          .build();
    static final int EVENTS_PER_AGGREGATE = 10;

    private SampleEvents() {
    }

    record AlertRaised(String alertId, String sender, List<String> addressees, String precedence, String category,
                       String title, String text, Instant raisedAt) {
    }

    static DomainEventMessage<AlertRaised> event(String aggregateId, long sequence) {
        AlertRaised payload = new AlertRaised(aggregateId, "KZ", List.of("UZ", "TJ"), "FLASH", "OTHER",
                                              "Benchmark alert " + sequence,
                                              "A person of concern was seen near the border crossing at dawn",
                                              Instant.now());
        MetaData metaData = MetaData.from(Map.of("correlationId", UUID.randomUUID().toString(),
                                                 "traceId", UUID.randomUUID().toString()));
        return new GenericDomainEventMessage<>("Alert", aggregateId, sequence, payload, metaData);
    }

    /** A raw document with the fields and sizes of one stored event, for the driver baseline. */
    static Document rawDocument(long index) {
        DomainEventMessage<AlertRaised> event = event(UUID.randomUUID().toString(), index % EVENTS_PER_AGGREGATE);
        byte[] payload = event.serializePayload(SERIALIZER, byte[].class).getData();
        byte[] metaData = event.serializeMetaData(SERIALIZER, byte[].class).getData();
        byte[] hash = new byte[32];
        return new Document("index", index)
                .append("eventId", event.getIdentifier())
                .append("aggType", event.getType())
                .append("aggId", event.getAggregateIdentifier())
                .append("seq", event.getSequenceNumber())
                .append("timestamp", event.getTimestamp().toString())
                .append("payloadType", AlertRaised.class.getName())
                .append("payloadRevision", null)
                .append("payload", new Binary(payload))
                .append("metadata", new Binary(metaData))
                .append("prevHash", new Binary(hash))
                .append("hash", new Binary(hash));
    }

    /** One writer's aggregates, each taking {@value #EVENTS_PER_AGGREGATE} events before the writer starts the next. */
    static final class Writer {

        private final String prefix = UUID.randomUUID().toString().substring(0, 8) + "-";
        private int aggregates;
        private String aggregateId;
        private long sequence = EVENTS_PER_AGGREGATE;

        DomainEventMessage<AlertRaised> next() {
            if (sequence == EVENTS_PER_AGGREGATE) {
                aggregateId = prefix + aggregates++;
                sequence = 0;
            }
            return event(aggregateId, sequence++);
        }

        /** Whole aggregates at once, {@code count} events: the fast way to fill a store. */
        List<DomainEventMessage<?>> next(int count) {
            List<DomainEventMessage<?>> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(next());
            }
            return events;
        }
    }
}
