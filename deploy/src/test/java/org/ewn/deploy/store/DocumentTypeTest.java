package org.ewn.deploy.store;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents are stored in BSON and read back as they were; documents H2 serialized still read. */
class DocumentTypeTest {

    @Test
    void everyValueTheWireCarriesReadsBackEqualAndInItsOwnType() {
        Document nested = new Document("member", "UZ").append("read", true);
        Document document = new Document("_id", new ObjectId())
                .append("text", "Предупреждение ⚠ ۱۲")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 2.5)
                .append("true", true)
                .append("null", null)
                .append("at", Instant.ofEpochMilli(1_795_000_000_123L))
                .append("binary", new BinData(new byte[] {0, 1, (byte) 0xff}))
                .append("uuid", UUID.randomUUID())
                .append("legacyUuid", new LegacyUUID(UUID.randomUUID()))
                .append("decimal", Decimal128.fromNumber(new BigDecimal("12.345")))
                .append("timestamp", new BsonTimestamp(1_795_000_000L << 32 | 7))
                .append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance())
                .append("pattern", new BsonRegularExpression("^KZ-", "i"))
                .append("code", new BsonJavaScript("function() {}"))
                .append("nested", nested)
                .append("array", List.of("a", 1, nested, List.of(2L, 3L)))
                .append("empty", new Document());

        assertThat(form(document)).isEqualTo(DocumentType.BSON);
        List<Document> read = roundTrip(document, new Document("_id", "second"));

        assertThat(read).hasSize(2);
        Document first = read.get(0);
        assertThat(first).usingRecursiveComparison().isEqualTo(document);
        assertThat(read.get(1)).isEqualTo(new Document("_id", "second"));
        assertThat(first.keySet()).containsExactlyElementsOf(document.keySet());
        assertThat(first.get("int")).isInstanceOf(Integer.class);
        assertThat(first.get("long")).isInstanceOf(Long.class);
        assertThat(first.get("nested")).isInstanceOf(Document.class);
    }

    @Test
    void aValueBsonHasNoTypeForIsKeptWithJavaSerialization() {
        Document document = new Document("_id", 1).append("date", new Date(5));
        assertThat(form(document)).isEqualTo(DocumentType.SERIALIZED);

        assertThat(roundTrip(document, new Document("_id", 2))).containsExactly(document, new Document("_id", 2));
    }

    @Test
    void readsADocumentInTheFormH2SerializedIt() {
        Document document = new Document("_id", "alert-1").append("n", 1L).append("at", Instant.ofEpochMilli(7));
        WriteBuffer buffer = new WriteBuffer(16);
        new ObjectDataType().write(buffer, document);
        new ObjectDataType().write(buffer, new Document("_id", "alert-2"));
        ByteBuffer written = buffer.getBuffer().flip();

        DocumentType type = new DocumentType();
        assertThat(type.read(written)).isEqualTo(document);
        assertThat(type.read(written)).isEqualTo(new Document("_id", "alert-2"));
        assertThat(written.remaining()).isZero();
    }

    @Test
    void aStoreWhoseDocumentsH2SerializedReadsAsItIsAndTakesNewWritesInBson(@TempDir Path dir) {
        withStore(dir, DurableH2BackendTest::h2Backend, database -> {
            for (int i = 0; i < 500; i++) {
                database.getCollection("alerts").insertOne(new org.bson.Document("_id", "alert-" + i).append("n", i));
            }
        });
        withStore(dir, DurableH2Backend::new, database -> {
            var alerts = database.getCollection("alerts");
            assertThat(alerts.countDocuments()).isEqualTo(500);
            assertThat(alerts.find(Filters.eq("_id", "alert-499")).first()).containsEntry("n", 499);
            alerts.updateOne(Filters.eq("_id", "alert-7"), Updates.set("n", -7));
            alerts.insertOne(new org.bson.Document("_id", "alert-500").append("n", 500));
        });
        withStore(dir, DurableH2Backend::new, database -> {
            var alerts = database.getCollection("alerts");
            assertThat(alerts.countDocuments()).isEqualTo(501);
            assertThat(alerts.find(Filters.gte("n", 0)).into(new ArrayList<>())).hasSize(500);
            assertThat(alerts.find(Filters.eq("_id", "alert-7")).first()).containsEntry("n", -7);
            assertThat(alerts.find(Filters.eq("_id", "alert-500")).first()).containsEntry("n", 500);
        });
    }

    @Test
    void aDroppedCollectionLeavesNoDocumentsAndARenamedOneTakesThemAlong(@TempDir Path dir) {
        withStore(dir, DurableH2Backend::new, database -> {
            database.getCollection("old").insertOne(new org.bson.Document("_id", 1));
            database.getCollection("moved").insertOne(new org.bson.Document("_id", 2));
            database.getCollection("moved").createIndex(new org.bson.Document("code", 1),
                                                        new com.mongodb.client.model.IndexOptions().unique(true));
            database.getCollection("moved").insertOne(new org.bson.Document("_id", 3).append("code", "x"));
            database.getCollection("old").drop();
            database.getCollection("moved").renameCollection(new MongoNamespace("ewn", "renamed"));
        });
        try (MVStore store = MVStore.open(dir.resolve(DurableH2Backend.LOG_FILE).toString())) {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("ewn.old"))
                                           .noneMatch(name -> name.contains("ewn.moved"))
                                           .contains("databases.ewn.renamed",
                                                     "meta.ewn.renamed",
                                                     "ewn.renamed" + DurableH2Backend.KEYED + "code_1");
        }
        withStore(dir, DurableH2Backend::new, database -> {
            assertThat(database.listCollectionNames()).contains("renamed").doesNotContain("old", "moved");
            var renamed = database.getCollection("renamed");
            assertThat(renamed.find(Filters.eq("_id", 2)).first()).isNotNull();
            assertThat(renamed.countDocuments()).isEqualTo(2);
            assertThatThrownBy(() -> renamed.insertOne(new org.bson.Document("_id", 4).append("code", "x")))
                    .hasMessageContaining("duplicate key");
            assertThat(database.getCollection("old").countDocuments()).isZero();
        });
    }

    /**
     * H2 writes the pages of a commit on a thread of its own while the next commands run, from the document objects
     * its pages hold; an update must leave those objects as they were, down to their nested values, and store new
     * ones, or the writer tears them or fails with a ConcurrentModificationException and H2 closes the store.
     */
    @Test
    void anUpdateLeavesTheDocumentH2HoldsAsItWasAndStoresANewOne(@TempDir Path dir) {
        DurableH2Backend backend = new DurableH2Backend(dir, DataSize.ofMegabytes(16));
        MVStore store = backend.log();
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
            int port = server.getLocalAddress().getPort();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                var alerts = client.getDatabase("ewn").getCollection("alerts");
                alerts.insertOne(new org.bson.Document("_id", "alert-1").append("state", "raised")
                                         .append("acknowledged", List.of()).append("note", "first")
                                         .append("entries", new org.bson.Document("a", new org.bson.Document(
                                                 "position", 64L).append("acknowledgedBy", List.of("KG")))));
                MVMap<Object, Document> documents = store.openMap("databases.ewn.alerts");
                Document held = documents.get("alert-1");
                Document asInserted = held.cloneDeeply();

                alerts.updateOne(Filters.eq("_id", "alert-1"), Updates.combine(
                        Updates.set("state", "acknowledged"), Updates.push("acknowledged", "UZ"),
                        Updates.unset("note"), Updates.set("entries.a.position", 65L),
                        Updates.addToSet("entries.a.acknowledgedBy", "UZ"), Updates.set("entries.b.position", 66L)));
                assertThat(held).isEqualTo(asInserted);
                Document updated = documents.get("alert-1");
                Document asUpdated = updated.cloneDeeply();
                assertThat(updated).isNotSameAs(held).containsEntry("state", "acknowledged")
                                   .containsEntry("acknowledged", List.of("UZ")).doesNotContainKey("note");

                org.bson.Document before = alerts.findOneAndUpdate(Filters.eq("_id", "alert-1"), Updates.combine(
                        Updates.set("state", "withdrawn"), Updates.set("entries.a.withdrawn", true),
                        Updates.push("entries.a.acknowledgedBy", "TJ"), Updates.unset("entries.b")));
                assertThat(before).containsEntry("state", "acknowledged");
                assertThat(before.get("entries", org.bson.Document.class).get("a", org.bson.Document.class))
                        .containsEntry("position", 65L).containsEntry("acknowledgedBy", List.of("KG", "UZ"));
                assertThat(updated).isEqualTo(asUpdated);
                assertThat(documents.get("alert-1")).isNotSameAs(updated).containsEntry("state", "withdrawn");
                org.bson.Document now = alerts.find(Filters.eq("_id", "alert-1")).first();
                assertThat(now).containsEntry("state", "withdrawn").containsEntry("acknowledged", List.of("UZ"));
                assertThat(now.get("entries", org.bson.Document.class)).doesNotContainKey("b");
                assertThat(now.get("entries", org.bson.Document.class).get("a", org.bson.Document.class))
                        .containsEntry("position", 65L).containsEntry("withdrawn", true)
                        .containsEntry("acknowledgedBy", List.of("KG", "UZ", "TJ"));
            }
        } finally {
            server.shutdown();
        }
    }

    /** Writes the documents one after another into one buffer, as H2 writes a page, and reads them back. */
    private static List<Document> roundTrip(Document... documents) {
        DocumentType type = new DocumentType();
        WriteBuffer buffer = new WriteBuffer(16);
        type.write(buffer, documents, documents.length);
        ByteBuffer written = buffer.getBuffer().flip();
        Document[] read = type.createStorage(documents.length);
        type.read(written, read, documents.length);
        assertThat(written.remaining()).isZero();
        return List.of(read);
    }

    /** The marker the document is written behind. */
    private static byte form(Document document) {
        WriteBuffer buffer = new WriteBuffer(16);
        new DocumentType().write(buffer, document);
        return buffer.getBuffer().get(0);
    }

    private static void withStore(Path dir, Function<Path, MongoBackend> backend, Consumer<MongoDatabase> use) {
        MongoServer server = new MongoServer(backend.apply(dir));
        try {
            server.bind("127.0.0.1", 0);
            int port = server.getLocalAddress().getPort();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                use.accept(client.getDatabase("ewn"));
            }
        } finally {
            server.shutdown();
        }
    }
}
