package org.ewn.deploy.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A range of dates over a field with a secondary index reads the documents in the range, not the collection, and
 * answers exactly as a scan would, through writes, a list in the field and a restart.
 */
class TimeIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
    private static final int DOCUMENTS = 20_000;
    private static final String DEADLINES = "alert_deadlines";

    @Test
    void takesARangeOfDatesOnItsFieldAlone() {
        TimeIndex index = new TimeIndex("dueAt_1", List.of(new IndexKey("dueAt", true)), false);
        assertThat(index.canHandle(query("dueAt", "$lte", T0))).isTrue();
        assertThat(index.canHandle(query("dueAt", "$gt", T0).append("other", 1))).isFalse();
        assertThat(index.canHandle(query("dueAt", "$lte", 5L))).as("a number").isFalse();
        assertThat(index.canHandle(query("dueAt", "$eq", T0))).isFalse();
        assertThat(index.canHandle(query("dueAt", "$ne", T0))).isFalse();
        assertThat(index.canHandle(query("other", "$lte", T0))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("dueAt", T0))).isFalse();
        de.bwaldvogel.mongo.bson.Document between = query("dueAt", "$gte", T0);
        ((de.bwaldvogel.mongo.bson.Document) between.get("dueAt")).append("$lt", T0.plusSeconds(9));
        assertThat(index.canHandle(between)).isTrue();

        for (int i = 0; i < 10; i++) {
            index.add(new de.bwaldvogel.mongo.bson.Document("_id", "d" + i).append("dueAt", T0.plusSeconds(i)), "d" + i,
                      null);
        }
        index.add(new de.bwaldvogel.mongo.bson.Document("_id", "none"), "none", null);
        index.add(new de.bwaldvogel.mongo.bson.Document("_id", "text").append("dueAt", "soon"), "text", null);
        assertThat(index.getPositions(between)).as("both ends taken in; the collection matches the rest")
                .containsExactly("d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9");
        assertThat(index.getPositions(query("dueAt", "$lt", T0.plusSeconds(2)))).containsExactly("d0", "d1", "d2");
        assertThat(index.getPositions(query("dueAt", "$gt", T0.plusSeconds(8)))).containsExactly("d8", "d9");

        assertThat(index.remove(new de.bwaldvogel.mongo.bson.Document("_id", "d9").append("dueAt", T0.plusSeconds(9))))
                .isEqualTo("d9");
        index.add(new de.bwaldvogel.mongo.bson.Document("_id", "list").append("dueAt", List.of(T0)), "list", null);
        assertThat(index.canHandle(between)).as("a list matches by any of its elements: the collection scans")
                .isFalse();
        index.remove(new de.bwaldvogel.mongo.bson.Document("_id", "list").append("dueAt", List.of(T0)));
        assertThat(index.canHandle(between)).isTrue();
        assertThat(index.getPositions(query("dueAt", "$gt", T0.plusSeconds(8)))).containsExactly("d8");
    }

    @Test
    void theStoreKeepsASecondaryIndexOfOneFieldWithItsDatesAndUsesIt(@TempDir Path dir) {
        withCollection(dir, deadlines -> {
            List<Document> documents = new ArrayList<>();
            Random random = new Random(7);
            for (int i = 0; i < DOCUMENTS; i++) {
                documents.add(new Document("_id", "alert-" + i).append("pending", List.of("UZ", "TJ", "KG"))
                        .append("dueAt", Date.from(T0.plusSeconds(10 + random.nextInt(DOCUMENTS)))));
            }
            documents.get(4_321).put("dueAt", Date.from(T0));
            documents.get(17_002).put("dueAt", Date.from(T0.plusSeconds(1)));
            documents.get(9).remove("dueAt");
            deadlines.insertMany(documents);
            deadlines.createIndex(Indexes.ascending("dueAt"));
            deadlines.createIndex(Indexes.ascending("pending"));
            deadlines.createIndex(Indexes.ascending("dueAt", "pending"));
        });
        withDatabase(dir, database -> {
            MongoCollection<Document> deadlines = database.getCollection(DEADLINES);
            assertThat(indexSizes(database)).as("dated documents, kept again when the store opens")
                    .containsEntry("dueAt_1", DOCUMENTS - 1L).containsEntry("pending_1", 0L)
                    .containsEntry("dueAt_1_pending_1", 0L);
            assertThat(ids(deadlines, Filters.lte("dueAt", Date.from(T0.plusSeconds(5)))))
                    .containsExactly("alert-17002", "alert-4321");
            deadlines.deleteOne(Filters.eq("_id", "alert-4321"));
            assertThat(indexSizes(database)).containsEntry("dueAt_1", DOCUMENTS - 2L);
        });
    }

    /** The store's count of what each of the collection's indexes holds, by name. */
    private static Document indexSizes(MongoDatabase database) {
        return database.runCommand(new Document("collStats", DEADLINES)).get("indexSize", Document.class);
    }

    @Test
    void answersAsAScanWouldThroughWritesAndARestart(@TempDir Path dir) {
        Random random = new Random(11);
        withCollection(dir, deadlines -> {
            deadlines.createIndex(Indexes.ascending("dueAt"));
            for (int i = 0; i < 300; i++) {
                deadlines.insertOne(new Document("_id", "d" + i).append("dueAt", someValue(random)));
            }
            assertAnswersAsAScan(deadlines, random);
            for (int i = 0; i < 300; i += 3) {
                deadlines.updateOne(Filters.eq("_id", "d" + i), Updates.set("dueAt", someValue(random)));
                deadlines.deleteOne(Filters.eq("_id", "d" + (i + 1)));
            }
            deadlines.updateMany(Filters.gt("dueAt", Date.from(T0.plusSeconds(80))), Updates.unset("dueAt"));
            assertAnswersAsAScan(deadlines, random);
            deadlines.insertOne(new Document("_id", "list").append("dueAt", List.of(Date.from(T0.plusSeconds(3)),
                                                                                     Date.from(T0.plusSeconds(70)))));
            assertThat(ids(deadlines, Filters.lte("dueAt", Date.from(T0.plusSeconds(5)))))
                    .as("a list matches by any of its elements").contains("list");
            assertAnswersAsAScan(deadlines, random);
        });
        withCollection(dir, deadlines -> {
            assertAnswersAsAScan(deadlines, random);
            deadlines.deleteOne(Filters.eq("_id", "list"));
            assertAnswersAsAScan(deadlines, random);
        });
        withCollection(dir, deadlines -> assertAnswersAsAScan(deadlines, random));
    }

    /** A date, mostly, in the first 100 s after {@link #T0}; sometimes a string, a number or nothing. */
    private static Object someValue(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "soon";
            case 1 -> 42L;
            case 2 -> null;
            default -> Date.from(T0.plusMillis(random.nextInt(100_000)));
        };
    }

    private static void assertAnswersAsAScan(MongoCollection<Document> deadlines, Random random) {
        for (int i = 0; i < 40; i++) {
            Date a = Date.from(T0.plusMillis(random.nextInt(110_000) - 5_000));
            Date b = Date.from(T0.plusMillis(random.nextInt(110_000) - 5_000));
            List<Bson> ranges = List.of(Filters.lt("dueAt", a), Filters.lte("dueAt", a), Filters.gt("dueAt", a),
                                        Filters.gte("dueAt", a),
                                        between("$gte", a, "$lt", b), between("$gt", a, "$lte", a));
            for (Bson range : ranges) {
                assertThat(ids(deadlines, range)).as(range.toString())
                        .isEqualTo(ids(deadlines, Filters.and(range, Filters.exists("_id"))));
            }
        }
        Document[] some = deadlines.find(Filters.type("dueAt", "date")).limit(5).into(new ArrayList<>())
                .toArray(Document[]::new);
        for (Document one : some) {
            Bson at = between("$gte", one.getDate("dueAt"), "$lte", one.getDate("dueAt"));
            assertThat(ids(deadlines, at)).contains(one.getString("_id"));
        }
    }

    /** A range with both ends on the field, as one document: the driver's {@code and} would make it an {@code $and}. */
    private static Bson between(String from, Date start, String to, Date end) {
        return new Document("dueAt", new Document(from, start).append(to, end));
    }

    private static Set<String> ids(MongoCollection<Document> deadlines, Bson filter) {
        return deadlines.find(filter).map(document -> document.getString("_id")).into(new TreeSet<>());
    }

    private static void withCollection(Path dir, Consumer<MongoCollection<Document>> use) {
        FileStore.withCollection(dir, DEADLINES, (deadlines, store) -> use.accept(deadlines));
    }

    private static void withDatabase(Path dir, Consumer<MongoDatabase> use) {
        FileStore.withDatabase(dir, DEADLINES, (database, store) -> use.accept(database));
    }

    private static de.bwaldvogel.mongo.bson.Document query(String field, String operator, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(field, new de.bwaldvogel.mongo.bson.Document(operator, value));
    }
}
