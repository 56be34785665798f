package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.types.Binary;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.indexOf;
import static org.ewn.store.StoreFixture.plainEvent;
import static org.ewn.store.StoreFixture.readAll;

/**
 * The commits a process wrote or read last are served from memory to those who follow the log and to receipts;
 * what other processes write is still seen, and the audit still reads the store.
 */
class RecentCommitsTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void aReaderFollowingTheLogAndAReceiptGetTheCommitJustWrittenWithoutAskingTheStore() {
        CommitReads reads = new CommitReads();
        MongoDatabase database = fixture.freshDatabase(reads);
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(event("case-1", 0, new Noted("first")));
        List<TrackedEventMessage<?>> first = readAll(engine, null);

        int before = reads.count.get();
        engine.appendEvents(event("case-1", 1, new Noted("second")));
        List<TrackedEventMessage<?>> followed = readAll(engine, first.get(0).trackingToken());
        LoggedEvent located = engine.locate("case-1", 1).orElseThrow();

        assertThat(followed).extracting(event -> (Object) event.getPayload()).containsExactly(new Noted("second"));
        assertThat(located.globalIndex()).isEqualTo(indexOf(followed.get(0)));
        assertThat(reads.count.get()).as("finds on the commits").isEqualTo(before);
    }

    @Test
    void aCommitOfAnotherWriterIsSeenOnceTheMomentAfterTheOwnInsertHasPassed() throws InterruptedException {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine here = fixture.engine(database);
        LogStorageEngine elsewhere = fixture.engine(fixture.client().getDatabase(database.getName()));
        here.appendEvents(plainEvent(new Noted("here")));
        elsewhere.appendEvents(plainEvent(new Noted("elsewhere")));

        Thread.sleep(CommitLog.RecentCommits.FRESH_NANOS / 1_000_000 + 20);

        assertThat(readAll(here, new GlobalSequenceTrackingToken(0))).extracting(event -> (Object) event.getPayload())
                                                                     .containsExactly(new Noted("elsewhere"));
    }

    @Test
    void theAuditReadsTheCommitAsStoredEvenWhileThisProcessHoldsItInMemory() {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(event("case-2", 0, new Noted("as written")));
        assertThat(readAll(engine, null)).hasSize(1);

        byte[] altered = "{\"text\":\"altered\"}".getBytes(StandardCharsets.UTF_8);
        database.getCollection(LogStorageEngine.COMMITS)
                .updateOne(Filters.eq("_id", 0L), Updates.set("events.0.payload", new Binary(altered)));

        assertThat(engine.entriesFrom(0, 10)).singleElement()
                                             .satisfies(entry -> assertThat(entry.payload()).isEqualTo(altered));
        assertThat(readAll(engine, null)).extracting(event -> (Object) event.getPayload())
                                         .containsExactly(new Noted("as written"));
    }

    @Test
    void onlyTheLastCommitsWithinTheBoundsAreKept() {
        CommitReads reads = new CommitReads();
        MongoDatabase database = fixture.freshDatabase(reads);
        CommitLog log = new CommitLog(database.getCollection(LogStorageEngine.COMMITS), 2, 1L << 20);
        for (long number = 0; number < 3; number++) {
            log.insert(commit(number, 10));
        }

        int before = reads.count.get();
        assertThat(log.readFrom(1, 2)).extracting(Commit::number).containsExactly(1L, 2L);
        assertThat(reads.count.get()).as("finds for the two kept").isEqualTo(before);
        assertThat(log.read(0)).map(Commit::number).contains(0L);
        assertThat(reads.count.get()).as("finds for the one dropped").isEqualTo(before + 1);

        CommitLog small = new CommitLog(database.getCollection(LogStorageEngine.COMMITS), 100, 1_000);
        small.insert(commit(3, 2_000));
        assertThat(small.read(3)).map(commit -> commit.events().get(0).event().payload().length).contains(2_000);
        assertThat(reads.count.get()).as("a commit beyond the byte bound is read from the store")
                                     .isEqualTo(before + 2);
    }

    @Test
    void anEngineToldToKeepNoCommitsReadsEachFromTheStore() {
        CommitReads reads = new CommitReads();
        MongoDatabase database = fixture.freshDatabase(reads);
        LogStorageEngine engine = fixture.engine(database, builder -> builder.recentCommits(0));
        engine.appendEvents(event("case-3", 0, new Noted("kept nowhere")));

        int before = reads.count.get();
        assertThat(engine.readEvents("case-3").asStream()).hasSize(1);
        assertThat(reads.count.get()).isGreaterThan(before);
    }

    private static Commit commit(long number, int payloadBytes) {
        SerializedEvent event = new SerializedEvent("event-" + number, null, null, 0, java.time.Instant.now(),
                                                    Noted.class.getName(), null, new byte[payloadBytes], new byte[0]);
        return new Commit(number, number, event.timestamp(), List.of(StoredEvent.chain(number, event,
                                                                                        new byte[32])));
    }

    /** Counts the finds on the commits collection. */
    private static final class CommitReads implements CommandListener {

        final AtomicInteger count = new AtomicInteger();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("find")
                && LogStorageEngine.COMMITS.equals(event.getCommand().getString("find").getValue())) {
                count.incrementAndGet();
            }
        }
    }
}
