package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

/**
 * A writer that dies after inserting a commit but before indexing its aggregates leaves the log holding events the
 * aggregate index does not know. Simulated either by undoing that indexing, or by halting the index writer before it
 * applies the commit.
 */
class AggregateIndexRecoveryTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

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

    @Test
    void aStartingEngineIndexesCommitsAWriterStoredButDiedBeforeIndexing() throws InterruptedException {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine crashed = fixture.engine(database);
        crashed.appendEvents(event("case", 0, new Noted("opened")));
        crashed.indexWriter().awaitIndexed();
        crashed.indexWriter().pause();
        crashed.appendEvents(event("case", 1, new Noted("updated")), plainEvent(new Noted("plain")));
        crashed.appendEvents(event("case", 2, new Noted("closed")));
        crashed.indexWriter().halt();
        crashed.close();
        assertThat(indexed(database, "case").getLong("lastSeq")).as("died before indexing 1 and 2").isEqualTo(0);
        assertThat(watermark(database)).as("never past what was indexed").isLessThanOrEqualTo(0);

        LogStorageEngine restarted = fixture.engine(database);

        assertThat(indexed(database, "case").getLong("lastSeq")).isEqualTo(2);
        assertThat(restarted.lastSequenceNumberFor("case")).contains(2L);
        assertThat(restarted.readEvents("case").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                            .containsExactly(0L, 1L, 2L);
        assertThatThrownBy(() -> restarted.appendEvents(event("case", 2, new Noted("stale"))))
                .isInstanceOf(ConcurrencyException.class);
        restarted.appendEvents(event("case", 3, new Noted("reopened")));
    }

    @Test
    void aRunningWriterLearnsOfACommitStoredButNeverIndexedByLosingTheHead() throws InterruptedException {
        String name = fixture.freshDatabase().getName();
        LogStorageEngine survivor = fixture.engine(fixture.client().getDatabase(name));
        survivor.appendEvents(plainEvent(new Noted("first, so that the survivor knows commit 0 is the head")));
        MongoDatabase database = fixture.client().getDatabase(name);
        LogStorageEngine crashed = fixture.engine(database);
        crashed.indexWriter().pause();
        crashed.appendEvents(event("case", 0, new Noted("opened")));
        crashed.indexWriter().halt();
        crashed.close();

        assertThat(survivor.lastSequenceNumberFor("case")).as("in the log, in no index").isEmpty();
        assertThatThrownBy(() -> survivor.appendEvents(event("case", 0, new Noted("opened again"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(survivor.headsLost()).as("learnt of the commit by losing its number").isEqualTo(1);
        survivor.appendEvents(event("case", 1, new Noted("closed")));
        assertThat(survivor.readEvents("case").asStream()).extracting(DomainEventMessage::getSequenceNumber)
                                                           .containsExactly(0L, 1L);
        survivor.indexWriter().awaitIndexed();
        assertThat(indexed(database, "case").getList("commits", Document.class)).as("indexed by the survivor")
                                                                                 .hasSize(2);
    }

    private static Document indexed(MongoDatabase database, String aggregateId) {
        return database.getCollection(LogStorageEngine.AGGREGATES).find(Filters.eq("_id", aggregateId)).first();
    }

    private static long watermark(MongoDatabase database) {
        Document document = database.getCollection(LogStorageEngine.META)
                                    .find(Filters.eq("_id", AggregateIndex.WATERMARK)).first();
        return document == null ? -1 : document.getLong("commit");
    }

    /** Drops the aggregate index and sets the watermark back, as if nothing after {@code watermark} was indexed. */
    private static void forgetIndexing(MongoDatabase database, long watermark) {
        database.getCollection(LogStorageEngine.AGGREGATES).deleteMany(Filters.eq("_id", "case"));
        database.getCollection(LogStorageEngine.META)
                .replaceOne(Filters.eq("_id", AggregateIndex.WATERMARK),
                            new Document("_id", AggregateIndex.WATERMARK).append("commit", watermark));
    }
}
