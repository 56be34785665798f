package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

class LocateTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Test
    void locatesAnAggregatesEventByItsSequenceWithItsStoredIndexAndHash() {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(event("a", 0, new Noted("one")), plainEvent(new Noted("two")), event("b", 0, new Noted("x")));
        engine.appendEvents(event("a", 1, new Noted("three")));

        List<Document> stored = HashChainTest.storedEvents(database);
        assertLocated(engine.locate("a", 0).orElseThrow(), stored.get(0));
        assertLocated(engine.locate("b", 0).orElseThrow(), stored.get(2));
        assertLocated(engine.locate("a", 1).orElseThrow(), stored.get(3));
    }

    @Test
    void findsNothingForASequenceNotStored() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase());
        engine.appendEvents(event("a", 0, new Noted("one")));

        assertThat(engine.locate("a", 1)).isEmpty();
        assertThat(engine.locate("unknown", 0)).isEmpty();
    }

    @Test
    void readsTheChainHashesFromAnyIndexInOrder() {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(event("a", 0, new Noted("one")), plainEvent(new Noted("two")), event("b", 0, new Noted("x")));
        engine.appendEvents(event("a", 1, new Noted("three")));
        List<Document> stored = HashChainTest.storedEvents(database);

        List<LoggedEvent> fromOne = engine.hashesFrom(1, 10);
        assertThat(fromOne).extracting(LoggedEvent::globalIndex).containsExactly(1L, 2L, 3L);
        for (LoggedEvent event : fromOne) {
            assertLocated(event, stored.get((int) event.globalIndex()));
        }
        assertThat(engine.hashesFrom(0, 2)).extracting(LoggedEvent::globalIndex).containsExactly(0L, 1L);
        assertThat(engine.hashesFrom(4, 10)).isEmpty();
    }

    private static void assertLocated(LoggedEvent located, Document stored) {
        assertThat(located.globalIndex()).isEqualTo(stored.getLong("index"));
        assertThat(located.hash()).isEqualTo(stored.get("hash", Binary.class).getData());
    }
}
