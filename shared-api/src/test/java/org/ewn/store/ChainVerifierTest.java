package org.ewn.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.ewn.store.ChainVerifier.Problem;
import org.ewn.store.ChainVerifier.Result;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

/** Three events per commit, four commits: commit n holds indexes 3n, 3n+1, 3n+2. */
class ChainVerifierTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void anEmptyLogIsIntact() {
        Result result = new ChainVerifier(fixture.freshDatabase()).verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.eventsVerified()).isZero();
        assertThat(result.headHash()).isNull();
    }

    @Test
    void anUntouchedLogVerifiesToItsHead() {
        MongoDatabase database = logOfTwelveEvents();

        Result result = new ChainVerifier(database).verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.eventsVerified()).isEqualTo(12);
        List<Document> events = HashChainTest.storedEvents(database);
        assertThat(result.headHash())
                .isEqualTo(HexFormat.of().formatHex(events.get(11).get("hash", Binary.class).getData()));
    }

    @Test
    void findsAChangedPayload() {
        MongoDatabase database = logOfTwelveEvents();
        commits(database).updateOne(Filters.eq("_id", 2L),
                                    Updates.set("events.1.payload", new Binary("{\"text\":\"forged\"}".getBytes())));

        assertBreak(database, 7, Problem.HASH_MISMATCH);
    }

    @Test
    void findsAChangedTimestamp() {
        MongoDatabase database = logOfTwelveEvents();
        commits(database).updateOne(Filters.eq("_id", 0L), Updates.set("events.0.timestamp", "2020-01-01T00:00:00Z"));

        assertBreak(database, 0, Problem.HASH_MISMATCH);
    }

    @Test
    void findsABrokenLink() {
        MongoDatabase database = logOfTwelveEvents();
        commits(database).updateOne(Filters.eq("_id", 1L), Updates.set("events.0.prevHash", new Binary(new byte[32])));

        assertBreak(database, 3, Problem.PREV_HASH_MISMATCH);
    }

    @Test
    void findsARemovedEvent() {
        MongoDatabase database = logOfTwelveEvents();
        Document commit = commits(database).find(Filters.eq("_id", 1L)).first();
        List<Document> events = commit.getList("events", Document.class);
        commits(database).updateOne(Filters.eq("_id", 1L), Updates.set("events", List.of(events.get(0), events.get(2))));

        assertBreak(database, 4, Problem.MISSING_INDEX);
    }

    @Test
    void findsARemovedCommit() {
        MongoDatabase database = logOfTwelveEvents();
        commits(database).deleteOne(Filters.eq("_id", 2L));

        Result result = assertBreak(database, 6, Problem.MISSING_INDEX);
        assertThat(result.firstBreak().orElseThrow().detail()).contains("commit 2 is missing");
    }

    @Test
    void findsARepeatedIndex() {
        MongoDatabase database = logOfTwelveEvents();
        commits(database).updateOne(Filters.eq("_id", 3L), Updates.set("events.2.index", 10L));

        assertBreak(database, 11, Problem.INDEX_OUT_OF_ORDER);
    }

    @Test
    void findsAnUnreadableEvent() {
        MongoDatabase database = logOfTwelveEvents();
        commits(database).updateOne(Filters.eq("_id", 3L), Updates.unset("events.0.hash"));

        assertBreak(database, 9, Problem.MALFORMED_EVENT);
    }

    @Test
    void findsACountThatDisagreesWithTheEvents() {
        MongoDatabase database = logOfTwelveEvents();
        commits(database).updateOne(Filters.eq("_id", 2L), Updates.set("count", 2));

        assertBreak(database, 9, Problem.MALFORMED_EVENT);
    }

    private static Result assertBreak(MongoDatabase database, long index, Problem problem) {
        Result result = new ChainVerifier(database).verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBreak().orElseThrow().index()).isEqualTo(index);
        assertThat(result.firstBreak().orElseThrow().problem()).isEqualTo(problem);
        assertThat(result.eventsVerified()).isEqualTo(index);
        return result;
    }

    private static MongoDatabase logOfTwelveEvents() {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        for (int n = 0; n < 4; n++) {
            engine.appendEvents(event("case-" + n, 0, new Noted("opened")), plainEvent(new Noted("noticed")),
                                event("case-" + n, 1, new Noted("closed")));
        }
        return database;
    }

    private static MongoCollection<Document> commits(MongoDatabase database) {
        return database.getCollection(LogStorageEngine.COMMITS);
    }
}
