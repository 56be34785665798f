package org.ewn.deploy.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A query that pins {@code _id}, or the fields of another unique index, and asks more of the document reads that one
 * document, not the collection, and answers as a scan would.
 */
class QueryByIdTest {

    private static final int DOCUMENTS = 4_000;

    @Test
    void theIdAPinsIsTheOneValueItMustEqualAtTheTopOrInAnAnd() {
        var id = new de.bwaldvogel.mongo.bson.Document("tile", 3);
        assertThat(EmbeddedCollection.pinned(query("{_id: 'a', width: {$lt: 3}}"), "_id")).isEqualTo("a");
        assertThat(EmbeddedCollection.pinned(query("{$and: [{width: {$lt: 3}}, {_id: 'a'}]}"), "_id")).isEqualTo("a");
        assertThat(EmbeddedCollection.pinned(query("{$and: [{$and: [{_id: {$eq: 7}}]}, {w: 1}]}"), "_id")).isEqualTo(7);
        assertThat(EmbeddedCollection.pinned(new de.bwaldvogel.mongo.bson.Document("_id", id).append("w", 1), "_id"))
                .isEqualTo(id);
        for (String none : List.of("{width: 3}", "{_id: null, width: 3}", "{_id: {$in: ['a']}, width: 3}",
                                   "{_id: {$gt: 'a'}}", "{_id: {$eq: 'a', $ne: 'b'}}", "{$or: [{_id: 'a'}]}",
                                   "{$and: [{_id: {$in: ['a', 'b']}}]}", "{_id: {$regex: 'a'}}")) {
            assertThat(EmbeddedCollection.pinned(query(none), "_id")).as(none).isNull();
        }
        List<IndexKey> processorAndSegment = List.of(new IndexKey("processor", true), new IndexKey("segment", true));
        assertThat(EmbeddedCollection.pinnedKey(query("{$and: [{processor: 'inbox'}, {segment: 0}, {owner: 'n'}]}"),
                                                processorAndSegment))
                .isEqualTo(query("{processor: 'inbox', segment: 0}"));
        assertThat(EmbeddedCollection.pinnedKey(query("{processor: 'inbox', owner: 'n'}"), processorAndSegment))
                .as("a field of the index left free").isNull();
    }

    @Test
    void aQueryThatPinsTheIdReadsThePagesOfThatDocumentOnly(@TempDir Path dir) {
        fill(dir);

        long byId = pageReads(dir, tiles -> assertThat(tiles.find(Filters.eq("_id", "tile-2500")).first())
                .containsEntry("width", 2500 % 256));
        long pinned = pageReads(dir, tiles -> assertThat(tiles.find(
                Filters.and(Filters.eq("_id", "tile-2500"), Filters.lt("width", 256))).first())
                .containsEntry("width", 2500 % 256));
        long flatPinned = pageReads(dir, tiles -> assertThat(tiles.find(new Document("_id", "tile-2500")
                .append("width", new Document("$lt", 100))).first()).isNull());
        long scan = pageReads(dir, tiles -> assertThat(tiles.find(Filters.eq("width", 3)).into(new ArrayList<>()))
                .hasSize((DOCUMENTS + 255 - 3) / 256));

        assertThat(scan).as("a scan reads every leaf").isGreaterThan(20 * byId);
        assertThat(pinned).isEqualTo(byId);
        assertThat(flatPinned).isEqualTo(byId);
    }

    @Test
    void openingAStoreReadsNoDocumentOfIt(@TempDir Path dir) {
        fill(dir);
        long[] opening = new long[1];
        withCollection(dir, (tiles, store) -> opening[0] = store.getFileStore().getReadCount());
        long scan = pageReads(dir, tiles -> assertThat(tiles.countDocuments(Filters.eq("width", 3))).isPositive());

        assertThat(opening[0]).as("pages read to open the store and find a document by _id")
                .isPositive().isLessThan(scan / 20);
    }

    @Test
    void conditionalUpdatesByIdMatchUpsertAndRefuseAsAScanWould(@TempDir Path dir) {
        withCollection(dir, tiles -> {
            for (int i = 0; i < 50; i++) {
                tiles.insertOne(new Document("_id", "tile-" + i).append("width", 4).append("n", i));
            }
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            Bson narrower = Filters.and(Filters.eq("_id", "tile-7"), Filters.lt("width", 3));
            assertThat(tiles.updateOne(narrower, Updates.set("width", 2)).getMatchedCount()).isZero();
            assertThatThrownBy(() -> tiles.updateOne(narrower, Updates.set("width", 2), upsert))
                    .as("a tile as wide or wider, which an upsert's insert then meets")
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(tiles.find(Filters.eq("_id", "tile-7")).first()).containsEntry("width", 4);

            Bson wider = Filters.and(Filters.eq("_id", "tile-7"), Filters.lt("width", 9));
            assertThat(tiles.updateOne(wider, Updates.set("width", 9), upsert).getModifiedCount()).isOne();
            assertThat(tiles.updateOne(Filters.and(Filters.eq("_id", "tile-99"), Filters.lt("width", 9)),
                                       Updates.set("width", 1), upsert).getUpsertedId()).isNotNull();
            assertThat(tiles.find(Filters.eq("_id", "tile-99")).first()).containsEntry("width", 1);

            Document missing = new Document("_id", "tile-8").append("entries.a", new Document("$exists", false));
            Document before = tiles.findOneAndUpdate(missing, Updates.set("entries.a", new Document("n", 1)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
            assertThat(before).containsEntry("n", 8).doesNotContainKey("entries");
            assertThat(tiles.findOneAndUpdate(missing, Updates.set("entries.a", new Document("n", 2)))).isNull();
            assertThat(tiles.find(Filters.eq("_id", "tile-8")).first().get("entries", Document.class))
                    .isEqualTo(new Document("a", new Document("n", 1)));

            assertThat(tiles.deleteOne(Filters.and(Filters.eq("_id", "tile-9"), Filters.gt("n", 9)))
                    .getDeletedCount()).isZero();
            assertThat(tiles.deleteOne(Filters.and(Filters.eq("_id", "tile-9"), Filters.eq("n", 9)))
                    .getDeletedCount()).isOne();
            assertThat(tiles.find(Filters.and(Filters.in("_id", "tile-1", "tile-2", "tile-3"), Filters.lt("n", 3)))
                    .sort(Sorts.descending("n")).map(tile -> tile.getString("_id")).into(new ArrayList<>()))
                    .as("an _id of several values, as before, by a scan").containsExactly("tile-2", "tile-1");
            assertThat(tiles.countDocuments()).isEqualTo(50);
        });
    }

    @Test
    void aQueryThatPinsTheFieldsOfAUniqueIndexAndMoreReadsThatDocumentAndAnswersAsAScanWould(@TempDir Path dir) {
        withCollection(dir, tokens -> {
            tokens.createIndex(Indexes.ascending("processor", "segment"), new IndexOptions().unique(true));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.add(new Document("processor", "p" + i / 4).append("segment", i % 4).append("owner", "n")
                                      .append("token", i).append("hashes", "h".repeat(64)));
            }
            tokens.insertMany(documents);
        });
        Bson owned = Filters.and(Filters.eq("processor", "p625"), Filters.eq("segment", 2), Filters.eq("owner", "n"));

        long byIndex = pageReads(dir, tokens -> assertThat(tokens.updateOne(
                Filters.and(Filters.eq("processor", "p625"), Filters.eq("segment", 2)), Updates.set("token", 8_000))
                .getModifiedCount()).isOne());
        long pinned = pageReads(dir, tokens -> assertThat(tokens.updateOne(owned, Updates.set("token", 9_000))
                                                                  .getModifiedCount()).isOne());
        long scan = pageReads(dir, tokens -> assertThat(tokens.countDocuments(Filters.eq("token", -1))).isZero());

        assertThat(scan).as("a scan reads every leaf").isGreaterThan(20 * byIndex);
        assertThat(pinned).as("an update that also names the owner reads as one by the index's fields alone")
                .isLessThanOrEqualTo(byIndex);
        withCollection(dir, tokens -> {
            assertThat(tokens.find(owned).first()).containsEntry("token", 9_000);
            assertThat(tokens.updateOne(Filters.and(Filters.eq("processor", "p625"), Filters.eq("segment", 2),
                                                    Filters.eq("owner", "other")), Updates.set("token", 1))
                               .getMatchedCount()).as("owned by another node").isZero();
            assertThat(tokens.find(Filters.and(Filters.eq("processor", "p625"), Filters.eq("segment", 4),
                                               Filters.eq("owner", "n"))).first()).as("no such segment").isNull();
            assertThat(tokens.countDocuments(Filters.eq("token", 9_000))).isOne();
        });
    }

    /** A store in {@code dir} of {@value #DOCUMENTS} documents, written and closed. */
    private static void fill(Path dir) {
        withCollection(dir, tiles -> {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.add(new Document("_id", "tile-" + i).append("width", i % 256)
                                      .append("hashes", "h".repeat(64)));
            }
            tiles.insertMany(documents);
        });
    }

    private static de.bwaldvogel.mongo.bson.Document query(String json) {
        de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document();
        Document.parse(json).forEach((key, value) -> query.put(key, converted(value)));
        return query;
    }

    /** The driver's documents and lists as mongo-java-server's, as its wire decoder hands them over. */
    private static Object converted(Object value) {
        if (value instanceof Document document) {
            de.bwaldvogel.mongo.bson.Document converted = new de.bwaldvogel.mongo.bson.Document();
            document.forEach((key, nested) -> converted.put(key, converted(nested)));
            return converted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(QueryByIdTest::converted).toList();
        }
        return value;
    }

    /** How many pages the store read from its file for {@code use}, opened afresh, with nothing cached. */
    private static long pageReads(Path dir, Consumer<MongoCollection<Document>> use) {
        long[] reads = new long[1];
        withCollection(dir, (tiles, store) -> {
            long before = store.getFileStore().getReadCount();
            use.accept(tiles);
            reads[0] = store.getFileStore().getReadCount() - before;
        });
        return reads[0];
    }

    private static void withCollection(Path dir, Consumer<MongoCollection<Document>> use) {
        withCollection(dir, (tiles, store) -> use.accept(tiles));
    }

    private static void withCollection(Path dir, BiConsumer<MongoCollection<Document>, MVStore> use) {
        FileStore.withCollection(dir, "tiles", use);
    }
}
