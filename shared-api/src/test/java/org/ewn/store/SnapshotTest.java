package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;

class SnapshotTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    record CaseState(String summary, int events) {
    }

    @Test
    void theLatestSnapshotIsKept() {
        LogStorageEngine engine = caseWithEightEvents(fixture.freshDatabase());

        engine.storeSnapshot(snapshot(5));
        engine.storeSnapshot(snapshot(3));
        assertThat(engine.readSnapshot("case").orElseThrow().getSequenceNumber()).isEqualTo(5);

        engine.storeSnapshot(snapshot(6));
        DomainEventMessage<?> latest = engine.readSnapshot("case").orElseThrow();
        assertThat(latest.getSequenceNumber()).isEqualTo(6);
        assertThat(latest.getPayload()).isEqualTo(new CaseState("after 6", 7));
        assertThat(latest.getAggregateIdentifier()).isEqualTo("case");
        assertThat(engine.readSnapshot("no-such-case")).isEmpty();
    }

    @Test
    void anAggregateLoadStartsFromTheSnapshotAndFetchesOnlyLaterCommits() throws InterruptedException {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = caseWithEightEvents(database);
        engine.storeSnapshot(snapshot(5));
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();

        List<? extends DomainEventMessage<?>> loaded = eventStore.readEvents("case").asStream().toList();
        eventStore.shutDown();

        assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(5L, 6L, 7L);
        assertThat(loaded.get(0).getPayload()).isEqualTo(new CaseState("after 5", 6));
        engine.indexWriter().awaitIndexed();
        AggregateIndex index = new AggregateIndex(database.getCollection(LogStorageEngine.AGGREGATES),
                                                  database.getCollection(LogStorageEngine.META));
        // one event per commit here, so commit n holds sequence number n
        assertThat(index.commitsFrom("case", 6)).containsExactly(6L, 7L);
    }

    private static LogStorageEngine caseWithEightEvents(MongoDatabase database) {
        LogStorageEngine engine = fixture.engine(database);
        for (int sequence = 0; sequence < 8; sequence++) {
            engine.appendEvents(event("case", sequence, new Noted("step " + sequence)));
        }
        return engine;
    }

    private static DomainEventMessage<?> snapshot(long sequence) {
        return new GenericDomainEventMessage<>("Case", "case", sequence,
                                               new CaseState("after " + sequence, (int) sequence + 1));
    }
}
