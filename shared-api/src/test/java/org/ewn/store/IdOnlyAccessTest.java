package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

/**
 * mongo-java-server answers only {@code _id} equality and {@code _id $in} without scanning the collection, so every
 * command the engine sends must select on nothing else; then read and append cost does not grow with the history.
 */
class IdOnlyAccessTest {

    private static final Set<String> CONTENT_COMMANDS = Set.of("find", "insert", "update", "delete", "getMore",
                                                               "killCursors");
    private static final Set<String> COLLECTIONS = Set.of(LogStorageEngine.COMMITS, LogStorageEngine.AGGREGATES,
                                                          LogStorageEngine.SNAPSHOTS, LogStorageEngine.META);

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void everyOperationSelectsByIdOnlyAndLoadsCostTheSameAtAnyHistorySize() {
        Commands commands = new Commands();
        MongoDatabase database = fixture.freshDatabase(commands);
        LogStorageEngine engine = fixture.engine(database);

        grow(engine, 0, 50);
        int small = commands.countWhile(() -> loadAndAppend(engine, "probe-1"));
        grow(engine, 50, 500);
        int large = commands.countWhile(() -> loadAndAppend(engine, "probe-2"));

        engine.storeSnapshot(new GenericDomainEventMessage<>("Case", "probe-2", 3, new Noted("state")));
        assertThat(engine.readSnapshot("probe-2")).isPresent();
        assertThat(engine.lastSequenceNumberFor("probe-2")).contains(3L);
        assertThat(engine.readEvents(new GlobalSequenceTrackingToken(777), false).limit(50)).hasSize(50);
        assertThat(engine.createHeadToken()).isNotNull();
        assertThat(engine.createTailToken()).isNotNull();
        assertThat(engine.createTokenAt(Instant.now().minusSeconds(3600))).isNotNull();
        fixture.engine(database).close();
        engine.close();

        assertThat(large).as("commands to load and append an aggregate").isEqualTo(small);
        assertThat(commands.seen).as("at least one command per commit").hasSizeGreaterThan(500);
        assertThat(commands.seen).filteredOn(command -> !selectsByIdOnly(command)).isEmpty();
    }

    private static void loadAndAppend(LogStorageEngine engine, String aggregateId) {
        for (int sequence = 0; sequence < 3; sequence++) {
            engine.appendEvents(event(aggregateId, sequence, new Noted("e" + sequence)));
        }
        assertThat(engine.readEvents(aggregateId).asStream()).hasSize(3);
        engine.appendEvents(event(aggregateId, 3, new Noted("e3")));
    }

    private static void grow(LogStorageEngine engine, int fromCommit, int toCommit) {
        for (int commit = fromCommit; commit < toCommit; commit++) {
            engine.appendEvents(event("history-" + commit % 40, commit / 40, new Noted("h")),
                                plainEvent(new Noted("h")));
        }
    }

    /** Whether the command reads or writes documents only by naming their {@code _id}s. */
    private static boolean selectsByIdOnly(Command command) {
        return CONTENT_COMMANDS.contains(command.name()) && command.filters().stream().allMatch(filter -> {
            BsonValue selector = filter.get("_id");
            return filter.keySet().equals(Set.of("_id"))
                   && (!selector.isDocument() || selector.asDocument().keySet().equals(Set.of("$in")));
        });
    }

    /** What matters of a command, copied out because the driver reuses the command's buffer afterwards. */
    private record Command(String name, String collection, List<BsonDocument> filters) {

        static Command of(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            BsonValue target = command.get(event.getCommandName());
            String collection = target != null && target.isString() ? target.asString().getValue() : null;
            List<BsonDocument> filters = new ArrayList<>();
            switch (event.getCommandName()) {
                case "find" -> filters.add(command.getDocument("filter", new BsonDocument()).clone());
                case "update", "delete" -> command.getArray(event.getCommandName() + "s").forEach(
                        statement -> filters.add(statement.asDocument().getDocument("q").clone()));
                default -> {
                }
            }
            return new Command(event.getCommandName(), collection, filters);
        }
    }

    /** Commands on the store's collections; the admin commands the driver sends by itself do not count. */
    private static final class Commands implements CommandListener {

        final List<Command> seen = new CopyOnWriteArrayList<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            Command command = Command.of(event);
            if (COLLECTIONS.contains(command.collection()) || CONTENT_COMMANDS.contains(command.name())
                || command.name().equals("aggregate")) {
                seen.add(command);
            }
        }

        /**
         * Reads and writes of the log and reads of the aggregate index: what the appender waits for. Not the index
         * updates and the watermark, which the index writer applies later, grouped as its queue happens to be.
         */
        int countWhile(Runnable work) {
            int before = countWaitedFor();
            work.run();
            return countWaitedFor() - before;
        }

        private int countWaitedFor() {
            return (int) seen.stream().filter(command -> LogStorageEngine.COMMITS.equals(command.collection())
                                                         || LogStorageEngine.AGGREGATES.equals(command.collection())
                                                            && !command.name().equals("update"))
                             .count();
        }
    }
}
