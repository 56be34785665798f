package org.ewn.deploy.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Index keys compare by value and are written field by field; keys H2 serialized read as they are, and a store whose
 * indexes H2 wrote is reindexed when opened.
 */
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
    void everyKeyReadsBackEqualWithItsValuesInTheirOwnTypes() {
        List<KeyValue> keys = List.of(new KeyValue("KZ:0"), new KeyValue(""), new KeyValue("Жұмыс 警报 \uD83D\uDEA8 ع"),
                                      new KeyValue(0L), new KeyValue(Long.MIN_VALUE), new KeyValue(Long.MAX_VALUE),
                                      new KeyValue(-1), new KeyValue(Integer.MAX_VALUE), new KeyValue(new ObjectId()),
                                      new KeyValue(756.0), new KeyValue(-0.0), new KeyValue(Double.NaN),
                                      new KeyValue(Double.MIN_VALUE), new KeyValue("inbox", 0.0),
                                      new KeyValue(Missing.getInstance()), new KeyValue((Object) null),
                                      new KeyValue("inbox", 2.5, true, Instant.ofEpochMilli(7), UUID.randomUUID()),
                                      new KeyValue(new de.bwaldvogel.mongo.bson.Document("x", 1)));
        for (KeyValue key : keys) {
            WriteBuffer buffer = new WriteBuffer();
            KeyValueType.INSTANCE.write(buffer, key);
            ByteBuffer written = buffer.getBuffer().flip();
            int length = written.remaining();
            KeyValue read = (KeyValue) KeyValueType.INSTANCE.read(written);
            assertThat(read).as("%s", key).isEqualTo(key);
            assertThat(written.remaining()).as("read to its end").isZero();
            for (int i = 0; i < key.size(); i++) {
                Object value = key.get(i);
                assertThat(read.get(i)).isEqualTo(value);
                if (value != null) {
                    assertThat(read.get(i)).isExactlyInstanceOf(value.getClass());
                }
            }
            assertThat(KeyValueType.compareKeys(read, key)).isZero();
            if (key.stream().allMatch(v -> v instanceof String || v instanceof Long || v instanceof ObjectId
                                           || v instanceof Double)) {
                byte[] serialized = ObjectDataType.serialize(key);
                assertThat(length).as("%s, no longer Java-serialized", key).isLessThan(serialized.length / 4);
            }
        }
        assertThat(KeyValueType.INSTANCE.read(written(new KeyValue(Missing.getInstance()))))
                .isEqualTo(new KeyValue(Missing.getInstance()));
        assertThat(((KeyValue) KeyValueType.INSTANCE.read(written(new KeyValue(Missing.getInstance())))).get(0))
                .isSameAs(Missing.getInstance());
    }

    @Test
    void readsKeysH2SerializedAndKeepsFindingThemAmongNewOnes(@TempDir Path dir) {
        String file = dir.resolve("keys.mv").toString();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            // as this backend wrote its keys before: Java-serialized, ordered by value
            ObjectDataType serialized = new ObjectDataType() {
                @Override
                public int compare(Object a, Object b) {
                    return KeyValueType.INSTANCE.compare(a, b);
                }
            };
            MVMap<Object, Object> map = store.openMap("keys", new MVMap.Builder<>().keyType(serialized));
            for (int i = 0; i < 2_000; i += 2) {
                map.put(new KeyValue("alert-" + i, (long) i), (long) i);
            }
        }
        for (int reopened = 0; reopened < 2; reopened++) {
            try (MVStore store = new MVStore.Builder().fileName(file).open()) {
                MVMap<KeyValue, Object> map = store.openMap("keys",
                        new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
                if (reopened == 0) {
                    for (int i = 1; i < 2_000; i += 2) {
                        assertThat(map.putIfAbsent(new KeyValue("alert-" + i, (long) i), (long) i)).isNull();
                    }
                }
                assertThat(map.sizeAsLong()).isEqualTo(2_000);
                for (int i = 0; i < 2_000; i++) {
                    assertThat(map.get(new KeyValue("alert-" + i, (long) i))).as("alert-%s", i).isEqualTo((long) i);
                }
                assertThat(map.get(new KeyValue("alert-1", 2L))).isNull();
            }
        }
    }

    @Test
    void readsANumberThePreviousVersionWroteJavaSerializedWithinAKey() {
        // the previous version wrote a key field by field (tag 127) and a number as a Java-serialized value (tag 6)
        byte[] number = ObjectDataType.serialize(756.0);
        WriteBuffer previous = new WriteBuffer();
        previous.put((byte) 127).putVarInt(2).put((byte) 1).putVarInt(2).putStringData("KZ", 2)
                .put((byte) 6).putVarInt(number.length).put(number);

        KeyValue read = (KeyValue) KeyValueType.INSTANCE.read(previous.getBuffer().flip());

        assertThat(read).isEqualTo(new KeyValue("KZ", 756.0));
        assertThat(KeyValueType.compareKeys(read, new KeyValue("KZ", 756.0))).isZero();
        assertThat(written(new KeyValue("KZ", 756.0)).remaining()).isLessThan(previous.position());
    }

    private static ByteBuffer written(KeyValue key) {
        WriteBuffer buffer = new WriteBuffer();
        KeyValueType.INSTANCE.write(buffer, key);
        return buffer.getBuffer().flip();
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
        withStore(dir, DurableH2BackendTest::h2Backend, collection -> {
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
        try (MVStore store = MVStore.open(dir.resolve(DurableH2Backend.LOG_FILE).toString())) {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("._index_"))
                    .anyMatch(name -> name.endsWith(DurableH2Backend.KEYED + "_id_"));
        }
        withStore(dir, DurableH2Backend::new, collection ->
                assertThat(collection.find(Filters.eq("_id", "alert-500")).first()).isNotNull());
    }

    private static void withStore(Path dir, Function<Path, MongoBackend> backend,
                                  Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend.apply(dir));
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
