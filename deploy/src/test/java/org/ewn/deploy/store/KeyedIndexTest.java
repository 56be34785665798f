package org.ewn.deploy.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Index keys compare by value, and a store whose indexes H2 wrote is reindexed when opened. */
class KeyedIndexTest {

    @Test
    void keysCompareEqualExactlyWhenTheyAreEqual() {
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : List.of("a", "b", "KZ:0", "KZ:sent:0", 1L, 2L, -3L, 1.0, 2.5, true, false,
                                    Instant.ofEpochMilli(5), Instant.ofEpochMilli(6), UUID.randomUUID(),
                                    new ObjectId(), new ObjectId(), new org.bson.Document("x", 1))) {
            keys.add(new KeyValue(value));
        }
        keys.add(new KeyValue("inbox", 0.0));
        keys.add(new KeyValue("inbox", 1.0));
        keys.add(new KeyValue("inbox"));
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int order = KeyValueType.compareKeys(a, b);
                assertThat(order == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                assertThat(Integer.signum(order)).isEqualTo(-Integer.signum(KeyValueType.compareKeys(b, a)));
                assertThat(KeyValueType.compareKeys(a, new KeyValue(new ArrayList<>(a.stream().toList()))))
                        .isZero();
            }
        }
        assertThat(KeyValueType.compareKeys(new KeyValue("a"), new KeyValue("b"))).isNegative();
        assertThat(KeyValueType.compareKeys(new KeyValue(2L), new KeyValue(10L))).isNegative();
        assertThat(KeyValueType.compareKeys(new KeyValue("inbox"), new KeyValue("inbox", 0.0))).isNegative();
    }

    @Test
    void findsByIdAndEnforcesUniqueIndexesOverManyDocuments(@TempDir Path dir) {
        withStore(dir, DurableH2Backend::new, collection -> {
            collection.createIndex(Indexes.ascending("agency", "sequence"), new IndexOptions().unique(true));
            for (int i = 0; i < 3_000; i++) {
                collection.insertOne(new Document("_id", "alert-" + i).append("agency", "KZ-DEMO")
                                             .append("sequence", (long) i));
            }
            assertThat(collection.find(Filters.eq("_id", "alert-2999")).first()).containsEntry("sequence", 2999L);
            assertThat(collection.find(Filters.in("_id", "alert-7", "alert-700", "none")).into(new ArrayList<>()))
                    .hasSize(2);
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "alert-5")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "other").append("agency", "KZ-DEMO")
                                                                  .append("sequence", 42L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    @Test
    void aStoreIndexedByH2IsReindexedWhenOpened(@TempDir Path dir) {
        withStore(dir, H2Backend::new, collection -> {
            collection.createIndex(Indexes.ascending("agency", "sequence"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                collection.insertOne(new Document("_id", "alert-" + i).append("agency", "KZ-DEMO")
                                             .append("sequence", (long) i));
            }
        });
        withStore(dir, DurableH2Backend::new, collection -> {
            assertThat(collection.find(Filters.eq("_id", "alert-499")).first()).containsEntry("sequence", 499L);
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "alert-1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "x").append("agency", "KZ-DEMO")
                                                                  .append("sequence", 1L)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            collection.insertOne(new Document("_id", "alert-500").append("agency", "KZ-DEMO").append("sequence", 500L));
        });
        try (MVStore store = MVStore.open(dir.resolve("store.mv").toString())) {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("._index_"))
                    .anyMatch(name -> name.endsWith(DurableH2Backend.KEYED + "_id_"));
        }
        withStore(dir, DurableH2Backend::new, collection ->
                assertThat(collection.find(Filters.eq("_id", "alert-500")).first()).isNotNull());
    }

    private static void withStore(Path dir, Function<String, H2Backend> backend,
                                  Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend.apply(dir.resolve("store.mv").toString()));
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                use.accept(client.getDatabase("ewn").getCollection("alerts"));
            }
        } finally {
            server.shutdown();
        }
    }
}
