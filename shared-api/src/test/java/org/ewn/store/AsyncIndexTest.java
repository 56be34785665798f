package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonValue;
import org.bson.Document;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

/**
 * Appends return once their commit is stored; the aggregate index follows on the index writer's thread. Holding that
 * thread back shows what readers and writers see in between.
 */
class AsyncIndexTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void loadsAndSequenceChecksSeeCommitsNotYetIndexed() {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        engine.indexWriter().pause();

        engine.appendEvents(event("case", 0, new Noted("opened")), event("case", 1, new Noted("assigned")));
        engine.appendEvents(plainEvent(new Noted("between")));
        engine.appendEvents(event("case", 2, new Noted("closed")));

        assertThat(indexed(database, "case")).as("held back").isNull();
        assertThat(sequences(engine, "case", 0)).containsExactly(0L, 1L, 2L);
        assertThat(sequences(engine, "case", 2)).containsExactly(2L);
        assertThat(engine.lastSequenceNumberFor("case")).contains(2L);
        assertThatThrownBy(() -> engine.appendEvents(event("case", 2, new Noted("again"))))
                .isInstanceOf(ConcurrencyException.class);
        engine.indexWriter().resume();
    }

    @Test
    void anAggregatePartlyIndexedAndPartlyPendingLoadsEachEventOnce() throws InterruptedException {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(event("case", 0, new Noted("opened")));
        engine.appendEvents(event("case", 1, new Noted("assigned")));
        engine.indexWriter().awaitIndexed();
        engine.indexWriter().pause();
        engine.appendEvents(event("case", 2, new Noted("closed")));

        assertThat(indexed(database, "case").getLong("lastSeq")).isEqualTo(1);
        assertThat(sequences(engine, "case", 0)).containsExactly(0L, 1L, 2L);
        assertThat(engine.lastSequenceNumberFor("case")).contains(2L);

        engine.indexWriter().resume();
        engine.indexWriter().awaitIndexed();
        assertThat(indexed(database, "case").getLong("lastSeq")).isEqualTo(2);
        assertThat(sequences(engine, "case", 0)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void anotherProcessReadingTheIndexLateStillCannotAppendAConflict() {
        String name = fixture.freshDatabase().getName();
        LogStorageEngine first = fixture.engine(fixture.client().getDatabase(name));
        LogStorageEngine second = fixture.engine(fixture.client().getDatabase(name));
        first.indexWriter().pause();
        first.appendEvents(event("case", 0, new Noted("opened by the first")));

        assertThat(second.lastSequenceNumberFor("case")).as("not indexed yet").isEmpty();
        assertThatThrownBy(() -> second.appendEvents(event("case", 0, new Noted("opened by the second"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(second.headsLost()).as("learnt of the commit by losing its number").isEqualTo(1);
        second.appendEvents(event("case", 1, new Noted("continued by the second")));
        assertThat(sequences(second, "case", 0)).containsExactly(0L, 1L);
        first.indexWriter().resume();
    }

    @Test
    void aWriterWhoseHeadIsBehindTheIndexCatchesUpRatherThanRejectAValidAppend() throws InterruptedException {
        String name = fixture.freshDatabase().getName();
        LogStorageEngine first = fixture.engine(fixture.client().getDatabase(name));
        LogStorageEngine second = fixture.engine(fixture.client().getDatabase(name));
        second.appendEvents(event("case", 0, new Noted("opened by the second")));
        first.appendEvents(event("case", 1, new Noted("continued by the first")));
        first.indexWriter().awaitIndexed();

        assertThat(second.lastSequenceNumberFor("case")).as("from the index, past the second's head").contains(1L);
        second.appendEvents(event("case", 2, new Noted("continued by the second")));

        assertThat(sequences(second, "case", 0)).containsExactly(0L, 1L, 2L);
    }

    @Test
    void theWatermarkStaysBehindWhatIsNotIndexedAndTheCommitPathNeverWritesIt() throws InterruptedException {
        Commands commands = new Commands();
        MongoDatabase database = fixture.freshDatabase(commands);
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(plainEvent(new Noted("commit 0")));
        engine.indexWriter().awaitIndexed();
        Thread.sleep(100);
        long before = watermark(database);
        engine.indexWriter().pause();
        commands.seen.clear();

        for (int sequence = 0; sequence < 20; sequence++) {
            engine.appendEvents(event("case", sequence, new Noted("s" + sequence)));
        }
        Thread.sleep(100);

        assertThat(before).isEqualTo(0);
        assertThat(watermark(database)).isEqualTo(0);
        assertThat(commands.named("update")).as("no index or watermark write while held back").isEmpty();
        engine.indexWriter().resume();
        engine.close();
        assertThat(watermark(database)).as("closing indexes and records everything").isEqualTo(20);
    }

    @Test
    void theIndexWriterMergesQueuedCommitsIntoOneUpsertPerAggregate() throws InterruptedException {
        Commands commands = new Commands();
        MongoDatabase database = fixture.freshDatabase(commands);
        LogStorageEngine engine = fixture.engine(database);
        engine.indexWriter().pause();
        for (int sequence = 0; sequence < 5; sequence++) {
            engine.appendEvents(event("case", sequence, new Noted("s" + sequence)),
                                event("other-" + sequence, 0, new Noted("o")));
        }
        commands.seen.clear();

        engine.indexWriter().resume();
        engine.indexWriter().awaitIndexed();

        List<Command> indexWrites = commands.named("update").stream()
                                            .filter(command -> LogStorageEngine.AGGREGATES.equals(command.collection()))
                                            .toList();
        assertThat(indexWrites).hasSize(1);
        assertThat(indexWrites.get(0).statements()).as("case and other-0..4").isEqualTo(6);
        assertThat(indexed(database, "case").getList("commits", Document.class)).hasSize(5);
        assertThat(indexed(database, "case").getLong("lastSeq")).isEqualTo(4);
    }

    @Test
    void sequenceChecksOfRecentlyCommittedAggregatesSendNoQuery() {
        Commands commands = new Commands();
        MongoDatabase database = fixture.freshDatabase(commands);
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(event("case", 0, new Noted("opened")));
        engine.appendEvents(event("other", 0, new Noted("opened")));
        commands.seen.clear();

        for (int sequence = 1; sequence <= 20; sequence++) {
            engine.appendEvents(event("case", sequence, new Noted("s" + sequence)),
                                event("other", sequence, new Noted("s" + sequence)));
        }
        assertThatThrownBy(() -> engine.appendEvents(event("case", 20, new Noted("stale"))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(commands.named("find")).filteredOn(command -> command.collection().equals(LogStorageEngine.AGGREGATES))
                                          .isEmpty();

        LogStorageEngine restarted = fixture.engine(database);
        commands.seen.clear();
        restarted.appendEvents(event("case", 21, new Noted("after a restart")));
        assertThat(commands.named("find")).as("an aggregate not committed since start-up is looked up")
                                          .filteredOn(command -> command.collection()
                                                                        .equals(LogStorageEngine.AGGREGATES))
                                          .hasSize(1);
    }

    private static List<Long> sequences(LogStorageEngine engine, String aggregateId, long from) {
        return engine.readEvents(aggregateId, from).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    private static Document indexed(MongoDatabase database, String aggregateId) {
        return database.getCollection(LogStorageEngine.AGGREGATES).find(Filters.eq("_id", aggregateId)).first();
    }

    private static long watermark(MongoDatabase database) {
        Document document = database.getCollection(LogStorageEngine.META)
                                    .find(Filters.eq("_id", AggregateIndex.WATERMARK)).first();
        return document == null ? -1 : document.getLong("commit");
    }

    /** What matters of a command, copied out because the driver reuses the command's buffer afterwards. */
    private record Command(String name, String collection, int statements) {
    }

    private static final class Commands implements CommandListener {

        final List<Command> seen = new CopyOnWriteArrayList<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonValue target = event.getCommand().get(event.getCommandName());
            if (target == null || !target.isString()) {
                return;
            }
            BsonValue statements = event.getCommand().get(event.getCommandName() + "s");
            seen.add(new Command(event.getCommandName(), target.asString().getValue(),
                                 statements != null && statements.isArray() ? statements.asArray().size() : 0));
        }

        List<Command> named(String name) {
            return seen.stream().filter(command -> command.name().equals(name)).toList();
        }
    }
}
