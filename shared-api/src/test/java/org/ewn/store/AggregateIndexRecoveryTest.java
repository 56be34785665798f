package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

/**
 * A writer that dies after inserting a commit but before indexing its aggregates is simulated by undoing that
 * indexing: the log then holds events the aggregate index does not know.
 */
class AggregateIndexRecoveryTest {

    private static final StoreFixture fixture = StoreFixture.inMemory();

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    @Test
    void anotherWriterIndexesTheCommitBeforeCheckingSequenceNumbers() {
        String name = fixture.freshDatabase().getName();
        LogStorageEngine survivor = fixture.engine(fixture.client().getDatabase(name));
        survivor.appendEvents(plainEvent(new Noted("first, so that the survivor knows commit 0 is the head")));
        MongoDatabase database = fixture.client().getDatabase(name);
        LogStorageEngine crashed = fixture.engine(database);
        crashed.appendEvents(event("case", 0, new Noted("opened")));
        crashed.close();
        forgetIndexing(database, 0);

        assertThatThrownBy(() -> survivor.appendEvents(event("case", 0, new Noted("opened again"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(survivor.headsLost()).as("learnt of the commit by losing its number").isEqualTo(1);
        survivor.appendEvents(event("case", 1, new Noted("closed")));
        assertThat(survivor.readEvents("case").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                           .containsExactly(0L, 1L);
    }

    @Test
    void aStartingEngineIndexesWhatFollowsTheWatermark() {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine crashed = fixture.engine(database);
        crashed.appendEvents(event("case", 0, new Noted("opened")));
        crashed.appendEvents(event("case", 1, new Noted("updated")));
        crashed.close();
        forgetIndexing(database, -1);

        LogStorageEngine restarted = fixture.engine(database);

        assertThat(restarted.lastSequenceNumberFor("case")).contains(1L);
        assertThat(restarted.readEvents("case").asStream()).hasSize(2);
        assertThatThrownBy(() -> restarted.appendEvents(event("case", 1, new Noted("stale"))))
                .isInstanceOf(ConcurrencyException.class);
    }

    /** Drops the aggregate index and sets the watermark back, as if nothing after {@code watermark} was indexed. */
    private static void forgetIndexing(MongoDatabase database, long watermark) {
        database.getCollection(LogStorageEngine.AGGREGATES).deleteMany(Filters.eq("_id", "case"));
        database.getCollection(LogStorageEngine.META)
                .replaceOne(Filters.eq("_id", AggregateIndex.WATERMARK),
                            new Document("_id", AggregateIndex.WATERMARK).append("commit", watermark));
    }
}
