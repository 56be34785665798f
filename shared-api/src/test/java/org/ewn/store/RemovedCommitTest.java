package org.ewn.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

/**
 * A commit removed from the log, by tampering or damage: a writer that starts on such a log appends after its end,
 * never into the hole, which stays for an audit to find. Three events per commit, four commits.
 */
class RemovedCommitTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void aWriterStartingOnALogWithACommitRemovedAppendsAfterItsEnd() {
        MongoDatabase database = logOfTwelveEvents();
        // the head search probes commits 0 and 2 first, so without commit 2 it would stop at commit 1
        commits(database).deleteOne(Filters.eq("_id", 2L));

        assertAppendedAfterTheEnd(database);
    }

    @Test
    void soDoesOneThatMustIndexTheCommitsAroundTheHoleFirst() {
        MongoDatabase database = logOfTwelveEvents();
        commits(database).deleteOne(Filters.eq("_id", 2L));
        // as after a writer that stopped before it recorded how far it had indexed
        database.getCollection(LogStorageEngine.META).deleteOne(Filters.eq("_id", AggregateIndex.WATERMARK));

        assertAppendedAfterTheEnd(database);
    }

    private static void assertAppendedAfterTheEnd(MongoDatabase database) {
        byte[] lastHash = HashChainTest.storedEvents(database).get(8).get("hash", Binary.class).getData();

        LogStorageEngine restarted = fixture.engine(database);
        restarted.appendEvents(plainEvent(new Noted("after the removal")));

        assertThat(commits(database).find(Filters.eq("_id", 2L)).first()).as("the hole is left as it was").isNull();
        Document appended = commits(database).find(Filters.eq("_id", 4L)).first();
        assertThat(appended).isNotNull();
        Document event = appended.getList("events", Document.class).get(0);
        assertThat(event.getLong("index")).isEqualTo(12);
        assertThat(event.get("prevHash", Binary.class).getData()).isEqualTo(lastHash);
        assertThat(restarted.entriesFrom(0, 100)).extracting(LogEntry::globalIndex)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 9L, 10L, 11L, 12L);
    }

    /** Closed, so that it has indexed all its commits and recorded so. */
    private static MongoDatabase logOfTwelveEvents() {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        for (int n = 0; n < 4; n++) {
            engine.appendEvents(event("case-" + n, 0, new Noted("opened")), plainEvent(new Noted("noticed")),
                                event("case-" + n, 1, new Noted("closed")));
        }
        engine.close();
        return database;
    }

    private static MongoCollection<Document> commits(MongoDatabase database) {
        return database.getCollection(LogStorageEngine.COMMITS);
    }
}
