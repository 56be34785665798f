package org.ewn.query.inbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.ewn.api.alert.AlertEvent;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A member's inbox as it stood at a moment, for auditors: the log is replayed, in its order and up to the first event
 * recorded after that moment, through the same {@link InboxProjection} into a scratch database held in memory by an
 * in-process server of its own, which is queried with the clock stopped at that moment (so that what was overdue then
 * shows as overdue) and thrown away. Nothing is written to the network's store, and the live inbox is never touched.
 * It reads the log from its start, so it costs in proportion to the history before the moment.
 */
@Component
class InboxAsOf {

    private final EventStorageEngine log;
    private final SubjectReader subjects;

    InboxAsOf(EventStorageEngine log, SubjectReader subjects) {
        this.log = log;
        this.subjects = subjects;
    }

    <T> T at(Instant moment, Function<InboxQueries, T> query) {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
            MongoDatabase scratch = client.getDatabase("as-of");
            InboxProjection projection = new InboxProjection(scratch);
            try (Stream<? extends TrackedEventMessage<?>> events = log.readEvents(null, false)) {
                events.takeWhile(event -> !event.getTimestamp().isAfter(moment))
                      .filter(event -> event.getPayload() instanceof AlertEvent)
                      .forEach(event -> projection.on((AlertEvent) event.getPayload(), event.trackingToken(),
                                                      event.getTimestamp()));
            }
            return query.apply(new InboxQueries(scratch, Clock.fixed(moment, ZoneOffset.UTC), subjects));
        } finally {
            server.shutdownNow();
        }
    }

    private static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
