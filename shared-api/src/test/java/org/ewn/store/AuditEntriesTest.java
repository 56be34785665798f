package org.ewn.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

/**
 * What auditors read, {@link LogStorageEngine#entriesFrom}: the log as it is stored, damaged or not, so that the
 * verifier, not the hub, judges it. Three events per commit, four commits: commit n holds indexes 3n, 3n+1, 3n+2.
 */
class AuditEntriesTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void readsTheEventsFromAnyIndexWithWhatTheirHashIsComputedFrom() {
        MongoDatabase database = logOfTwelveEvents();
        LogStorageEngine reader = fixture.engine(database);

        List<LogEntry> entries = reader.entriesFrom(4, 5);

        assertThat(entries).extracting(LogEntry::globalIndex).containsExactly(4L, 5L, 6L, 7L, 8L);
        for (LogEntry entry : entries) {
            assertThat(entry.computeHash(entry.previousHash())).isEqualTo(entry.hash());
        }
        assertThat(reader.entriesFrom(10, 100)).extracting(LogEntry::globalIndex).containsExactly(10L, 11L);
        assertThat(reader.entriesFrom(12, 100)).isEmpty();
    }

    @Test
    void servesTwoCommitsSwappedInTheOrderTheyAreStored() {
        MongoDatabase database = logOfTwelveEvents();
        Document second = commits(database).find(Filters.eq("_id", 1L)).first();
        Document third = commits(database).find(Filters.eq("_id", 2L)).first();
        commits(database).updateOne(Filters.eq("_id", 1L), Updates.set("events", third.get("events")));
        commits(database).updateOne(Filters.eq("_id", 2L), Updates.set("events", second.get("events")));

        assertThat(fixture.engine(database).entriesFrom(0, 100)).extracting(LogEntry::globalIndex)
                .containsExactly(0L, 1L, 2L, 6L, 7L, 8L, 3L, 4L, 5L, 9L, 10L, 11L);
    }

    @Test
    void servesTwoEventsSwappedWithinACommitInTheOrderTheyAreStored() {
        MongoDatabase database = logOfTwelveEvents();
        List<Document> events = commits(database).find(Filters.eq("_id", 1L)).first().getList("events", Document.class);
        commits(database).updateOne(Filters.eq("_id", 1L),
                                    Updates.set("events", List.of(events.get(1), events.get(0), events.get(2))));

        assertThat(fixture.engine(database).entriesFrom(0, 100)).extracting(LogEntry::globalIndex)
                .containsExactly(0L, 1L, 2L, 4L, 3L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void stepsOverARemovedCommitToTheEventsAfterIt() {
        MongoDatabase database = logOfTwelveEvents();
        commits(database).deleteOne(Filters.eq("_id", 2L));
        LogStorageEngine reader = fixture.engine(database);

        assertThat(reader.entriesFrom(0, 100)).extracting(LogEntry::globalIndex)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 9L, 10L, 11L);
        assertThat(reader.entriesFrom(7, 100)).extracting(LogEntry::globalIndex).containsExactly(9L, 10L, 11L);
    }

    @Test
    void stepsOverAnEventRemovedFromItsCommit() {
        MongoDatabase database = logOfTwelveEvents();
        List<Document> events = commits(database).find(Filters.eq("_id", 1L)).first().getList("events", Document.class);
        commits(database).updateOne(Filters.eq("_id", 1L), Updates.set("events", List.of(events.get(0), events.get(2))));

        assertThat(fixture.engine(database).entriesFrom(0, 100)).extracting(LogEntry::globalIndex)
                .containsExactly(0L, 1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
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
