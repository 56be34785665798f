package org.ewn.deploy.store;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import static org.ewn.deploy.store.DurableH2Backend.DERIVED_FILE;
import static org.ewn.deploy.store.DurableH2Backend.LOG_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write the embedded store acknowledged is in its file at once: a copy of the files taken right after the
 * acknowledgement, as a crash would leave them, holds the write. Writes to what a replay rebuilds are in a file of
 * their own, committed in the background, and never hold what the log's file does not.
 */
class DurableH2BackendTest {

    @Test
    void acknowledgedWriteIsInTheFileBeforeAnyCommitInterval(@TempDir Path dir) throws Exception {
        assertThat(afterCrash(dir, DurableH2BackendTest::durable, (db, backend) -> insert(db, "event_commits")))
                .containsExactly("event_commits");
    }

    @Test
    void plainBackendWouldLoseIt(@TempDir Path dir) throws Exception {
        // the reason DurableH2Backend exists: H2 on its own only commits in the background
        assertThat(afterCrash(dir, directory -> new H2Backend(withoutBackgroundCommits(directory.resolve(LOG_FILE))),
                              (db, backend) -> insert(db, "event_commits"))).isEmpty();
    }

    @Test
    void aReadModelWriteWaitsForTheDerivedFilesCommit(@TempDir Path dir) throws Exception {
        assertThat(afterCrash(dir, DurableH2BackendTest::durable, (db, backend) -> insert(db, "inbox_alerts")))
                .isEmpty();
    }

    @Test
    void theLogsCommitDoesNotWriteTheDerivedOnes(@TempDir Path dir) throws Exception {
        assertThat(afterCrash(dir, DurableH2BackendTest::durable, (db, backend) -> {
            insert(db, "inbox_alerts");
            insert(db, "trackingtokens");
            insert(db, "event_commits");
        })).containsExactly("event_commits");
    }

    @Test
    void aCommitOfTheDerivedFileHoldsEveryDerivedWriteBeforeIt(@TempDir Path dir) throws Exception {
        assertThat(afterCrash(dir, DurableH2BackendTest::durable, (db, backend) -> {
            insert(db, "inbox_alerts");
            insert(db, "trackingtokens");
            backend.derived().commit();
            insert(db, "referrals");
        })).containsExactlyInAnyOrder("inbox_alerts", "trackingtokens");
    }

    @Test
    void onlyWhatTheLogRebuildsIsDeferred() {
        assertThat(List.of("inbox_alerts", "inbox_member_buckets", "directory_agencies", "referrals",
                           "referral_members", "transfers", "transparency_tiles", "transparency_meta",
                           "trackingtokens", "alert_deadlines", "referral_deadlines", "transfer_deadlines",
                           "event_aggregates", "event_meta", "event_snapshots"))
                .allMatch(DurableH2Backend::rebuiltFromTheLog);
        assertThat(List.of("event_commits", "transparency_heads", "sagas", "callback_notifications",
                           "agency_callbacks", "accounts", "inbox", "referrals_old", "event_commits_old", ""))
                .noneMatch(DurableH2Backend::rebuiltFromTheLog);
    }

    @Test
    void eachCollectionsMapsAreInTheFileOfItsKind(@TempDir Path dir) {
        withDurableStore(dir, database -> {
            insert(database, "event_commits");
            insert(database, "sagas");
            insert(database, "inbox_alerts");
            database.getCollection("inbox_alerts").createIndex(new Document("code", 1),
                                                               new IndexOptions().unique(true));
        });
        try (MVStore log = MVStore.open(dir.resolve(LOG_FILE).toString());
             MVStore derived = MVStore.open(dir.resolve(DERIVED_FILE).toString())) {
            assertThat(log.getMapNames()).contains("databases.ewn.event_commits", "databases.ewn.sagas",
                                                   "ewn.sagas" + DurableH2Backend.KEYED + "_id_")
                                         .noneMatch(name -> name.contains("inbox_alerts"));
            assertThat(derived.getMapNames()).containsExactlyInAnyOrder(
                    "databases.ewn.inbox_alerts", "meta.ewn.inbox_alerts",
                    "ewn.inbox_alerts" + DurableH2Backend.KEYED + "_id_",
                    "ewn.inbox_alerts" + DurableH2Backend.KEYED + "code_1");
        }
    }

    @Test
    void aDerivedCollectionIsDroppedFromItsFileAndRenamedOnlyWithinIt(@TempDir Path dir) {
        withDurableStore(dir, database -> {
            insert(database, "inbox_alerts");
            insert(database, "inbox_buckets");
            database.getCollection("inbox_alerts").drop();
            database.getCollection("inbox_buckets").renameCollection(new MongoNamespace("ewn", "inbox_renamed"));
            assertThatThrownBy(() -> database.getCollection("inbox_renamed")
                                             .renameCollection(new MongoNamespace("ewn", "kept")))
                    .hasMessageContaining("Cannot rename inbox_renamed to kept");
            assertThat(database.getCollection("inbox_renamed").find(new Document("_id", 1)).first()).isNotNull();
        });
        try (MVStore log = MVStore.open(dir.resolve(LOG_FILE).toString());
             MVStore derived = MVStore.open(dir.resolve(DERIVED_FILE).toString())) {
            assertThat(derived.getMapNames()).noneMatch(name -> name.contains("inbox_alerts")
                                                                || name.contains("inbox_buckets"))
                                             .contains("databases.ewn.inbox_renamed");
            assertThat(log.getMapNames()).noneMatch(name -> name.contains("inbox_") || name.contains("kept"));
        }
    }

    @Test
    void aStoreWrittenInOneFileHasItsDerivedCollectionsMovedAsTheyStood(@TempDir Path dir) {
        MVStore one = DurableH2Backend.openFile(dir.resolve(LOG_FILE), DataSize.ofMegabytes(16));
        serve(new DurableH2Backend(one, one), database -> {
            var inbox = database.getCollection("inbox_alerts");
            inbox.createIndex(new Document("code", 1), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                inbox.insertOne(new Document("_id", "alert-" + i).append("code", "c" + i));
            }
            insert(database, "trackingtokens");
            insert(database, "event_commits");
        });
        try (MVStore log = MVStore.open(dir.resolve(LOG_FILE).toString())) {
            assertThat(log.getMapNames()).contains("databases.ewn.inbox_alerts");
        }

        for (int reopened = 0; reopened < 2; reopened++) {
            withDurableStore(dir, database -> {
                var inbox = database.getCollection("inbox_alerts");
                assertThat(inbox.countDocuments()).isEqualTo(300);
                assertThat(inbox.find(Filters.eq("_id", "alert-299")).first()).containsEntry("code", "c299");
                assertThatThrownBy(() -> inbox.insertOne(new Document("_id", "other").append("code", "c7")))
                        .hasMessageContaining("duplicate key");
                assertThat(database.getCollection("trackingtokens").find(new Document("_id", 1)).first())
                        .isNotNull();
                assertThat(database.getCollection("event_commits").countDocuments()).isOne();
            });
            try (MVStore log = MVStore.open(dir.resolve(LOG_FILE).toString());
                 MVStore derived = MVStore.open(dir.resolve(DERIVED_FILE).toString())) {
                assertThat(log.getMapNames()).contains("databases.ewn.event_commits")
                                             .noneMatch(name -> name.contains("inbox_alerts")
                                                                || name.contains("trackingtokens"));
                assertThat(derived.getMapNames()).contains("databases.ewn.inbox_alerts",
                                                           "databases.ewn.trackingtokens");
            }
        }
    }

    @Test
    void aMoveThatACrashInterruptedKeepsTheDerivedFilesMaps(@TempDir Path dir) {
        withDurableStore(dir, database -> insert(database, "inbox_alerts"));
        // the log's file still holding the collection, as after a crash between the two files' commits of a move
        try (MVStore log = MVStore.open(dir.resolve(LOG_FILE).toString())) {
            log.openMap("databases.ewn.inbox_alerts",
                        new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new DocumentType()))
               .put("stale", new de.bwaldvogel.mongo.bson.Document("_id", "stale"));
        }
        withDurableStore(dir, database -> assertThat(database.getCollection("inbox_alerts").find()
                                                             .map(found -> found.get("_id")).into(new ArrayList<>()))
                .containsExactly(1));
        try (MVStore log = MVStore.open(dir.resolve(LOG_FILE).toString())) {
            assertThat(log.getMapNames()).noneMatch(name -> name.contains("inbox_alerts"));
        }
    }

    @Test
    void noReaderSeesACommitOfTheLogBeforeItIsInTheFile(@TempDir Path dir) throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hold = new AtomicBoolean();
        DurableH2Backend backend = new DurableH2Backend(
                DurableH2Backend.openFile(dir.resolve(LOG_FILE), DataSize.ofMegabytes(16)),
                DurableH2Backend.openFile(dir.resolve(DERIVED_FILE), DataSize.ofMegabytes(16))) {
            @Override
            void commitLog() {
                if (hold.get()) {
                    committing.countDown();
                    awaitQuietly(release);
                }
                super.commitLog();
            }
        };
        MongoServer server = new MongoServer(backend);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        server.bind();
        try (MongoClient client = client(server)) {
            var commits = client.getDatabase("ewn").getCollection("event_commits");
            commits.insertOne(new Document("_id", 0));
            hold.set(true);
            Future<?> append = clients.submit(() -> commits.insertOne(new Document("_id", 1)));
            assertThat(awaitQuietly(committing)).isTrue();

            // on a connection of its own, which the server serves on another thread than the append's
            Future<Document> read = clients.submit(() -> commits.find(new Document("_id", 1)).first());
            assertThatThrownBy(() -> read.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

            release.countDown();
            assertThat(read.get(10, TimeUnit.SECONDS)).isNotNull();
            append.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            clients.shutdownNow();
            server.shutdownNow();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void theFilesOpenWithTheConfiguredCacheAndSmallLeavesAndReadAFileWrittenWithH2sDefaults(@TempDir Path dir) {
        Path file = dir.resolve(LOG_FILE);
        MongoServer written = new MongoServer(new H2Backend(file.toString()));
        try {
            written.bind("127.0.0.1", 0);
            try (MongoClient client = client(written)) {
                for (int i = 0; i < 200; i++) {
                    client.getDatabase("ewn").getCollection("event_commits")
                          .insertOne(new Document("_id", i).append("text", "x".repeat(1000)));
                }
            }
        } finally {
            written.shutdownNow();
        }

        DurableH2Backend backend = new DurableH2Backend(dir, DataSize.ofMegabytes(32));
        for (MVStore store : List.of(backend.log(), backend.derived())) {
            assertThat(store.getCacheSize()).isEqualTo(32);
            assertThat(store.getFileStore().getMaxPageSize()).isEqualTo(DurableH2Backend.PAGE_SPLIT_SIZE);
        }
        MongoServer reopened = new MongoServer(backend);
        try {
            reopened.bind("127.0.0.1", 0);
            try (MongoClient client = client(reopened)) {
                var commits = client.getDatabase("ewn").getCollection("event_commits");
                assertThat(commits.countDocuments()).isEqualTo(200);
                assertThat(commits.find(new Document("_id", 123)).first()).containsEntry("text", "x".repeat(1000));
                commits.insertOne(new Document("_id", 200).append("text", "y"));
                assertThat(commits.find(new Document("_id", 200)).first()).containsEntry("text", "y");
            }
        } finally {
            reopened.shutdownNow();
        }
    }

    @Test
    void aQueryReadsEveryDocumentWhileHousekeepingFreesTheChunksItStartedFrom(@TempDir Path dir) {
        assertThat(scanWhileCompacting(dir, scan -> DurableH2Backend.readingOneVersion(scan.store(), scan::count)))
                .isEqualTo(Scan.ENTRIES);
    }

    @Test
    void withoutItsVersionRegisteredTheScanFindsAChunkFreed(@TempDir Path dir) {
        // what queries met after minutes of load before every command registered the version it reads
        assertThatThrownBy(() -> scanWhileCompacting(dir, Scan::count))
                .isInstanceOf(MVStoreException.class)
                .hasMessageMatching("Chunk \\d+ not found.*");
    }

    /** An iteration over a map that commits and compacts the store every 200 entries, as H2's housekeeping may. */
    private record Scan(MVStore store, MVMap<String, String> map) {

        static final int ENTRIES = 4_000;

        int count() {
            MVMap<String, String> other = store.openMap("other");
            int seen = 0;
            for (var entries = map.entrySet().iterator(); entries.hasNext(); entries.next()) {
                if (++seen % 200 == 0) {
                    other.put("seen", Integer.toString(seen));
                    store.commit();
                    store.compact(95, 16 * 1024 * 1024);
                }
            }
            return seen;
        }
    }

    /**
     * Fills a map in several commits, then overwrites every other entry so that each chunk is half empty, and runs
     * {@code scan} on the reopened file. The retention time is 0: in a store under load, where most chunks are older
     * than the 45 s H2 keeps them, a chunk emptied by the housekeeping is freed at the next commit.
     */
    private static int scanWhileCompacting(Path dir, ToIntFunction<Scan> scan) {
        Path file = dir.resolve(LOG_FILE);
        try (MVStore store = DurableH2Backend.openFile(file, DataSize.ofMegabytes(1))) {
            MVMap<String, String> map = store.openMap("data");
            for (int i = 0; i < Scan.ENTRIES; i++) {
                map.put(Integer.toString(i), "x".repeat(50) + i);
                if (i % 1000 == 0) {
                    store.commit();
                }
            }
            for (int i = 0; i < Scan.ENTRIES; i += 2) {
                map.put(Integer.toString(i), i + "y".repeat(50));
                if (i % 1000 == 0) {
                    store.commit();
                }
            }
        }
        try (MVStore store = DurableH2Backend.openFile(file, DataSize.ofMegabytes(1))) {
            store.setRetentionTime(0);
            return scan.applyAsInt(new Scan(store, store.openMap("data")));
        }
    }

    @Test
    void aSecondaryIndexIsAcceptedAndItsQueriesScanTheCollection(@TempDir Path dir) {
        withDurableStore(dir, database -> {
            var deadlines = database.getCollection("alert_deadlines");
            deadlines.createIndex(new Document("dueAt", 1));
            for (int i = 0; i < 10; i++) {
                deadlines.insertOne(new Document("_id", "alert-" + i).append("dueAt", new java.util.Date(i)));
            }
            assertThat(deadlines.listIndexes()).extracting(index -> index.get("key"))
                    .contains(new Document("dueAt", 1));
            assertThat(deadlines.find(new Document("dueAt", new Document("$lte", new java.util.Date(3))))
                                .into(new ArrayList<>()))
                    .extracting(found -> found.getString("_id"))
                    .containsExactlyInAnyOrder("alert-0", "alert-1", "alert-2", "alert-3");
        });
    }

    @Test
    void aCollectionsSizeIsMeasuredWhenAskedAndCountsItsDocumentsAsTheyNowStand(@TempDir Path dir) {
        withDurableStore(dir, database -> {
            var alerts = database.getCollection("alerts");
            for (int i = 0; i < 3; i++) {
                alerts.insertOne(new Document("_id", "alert-" + i).append("text", "x".repeat(100 * (i + 1))));
            }
            alerts.updateOne(new Document("_id", "alert-0"), new Document("$set", new Document("text", "short")));
            alerts.deleteOne(new Document("_id", "alert-2"));

            long stored = 0;
            for (var raw : database.getCollection("alerts", org.bson.RawBsonDocument.class).find()) {
                stored += raw.getByteBuffer().remaining();
            }
            Document stats = database.runCommand(new Document("collStats", "alerts"));
            assertThat(stats.get("count", Number.class).intValue()).isEqualTo(2);
            assertThat(stats.get("size", Number.class).longValue()).isEqualTo(stored).isGreaterThan(200);
        });
    }

    private static void withDurableStore(Path dir, Consumer<MongoDatabase> use) {
        serve(new DurableH2Backend(dir), use);
    }

    /** Serves {@code backend} over loopback to the ordinary driver for {@code use}, and shuts it down after. */
    private static void serve(MongoBackend backend, Consumer<MongoDatabase> use) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = client(server)) {
                use.accept(client.getDatabase("ewn"));
            }
        } finally {
            server.shutdownNow();
        }
    }

    /** H2's own backend on the file the log's would be in. */
    static MongoBackend h2Backend(Path dir) {
        return new H2Backend(dir.resolve(LOG_FILE).toString());
    }

    private static DurableH2Backend durable(Path dir) {
        return new DurableH2Backend(withoutBackgroundCommits(dir.resolve(LOG_FILE)),
                                    withoutBackgroundCommits(dir.resolve(DERIVED_FILE)));
    }

    private static MVStore withoutBackgroundCommits(Path file) {
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    }

    private static void insert(MongoDatabase database, String collection) {
        database.getCollection(collection).insertOne(new Document("_id", 1).append("x", "kept"));
    }

    /**
     * The collections whose write is in a copy of the files taken right after the writes were acknowledged. The
     * files' background commits are off, so only the backend's own commits, and those {@code writes} makes, reach them.
     */
    private static <B extends MongoBackend> List<String> afterCrash(Path dir, Function<Path, B> backend,
                                                                     BiConsumer<MongoDatabase, B> writes)
            throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path crashImage = Files.createDirectory(dir.resolve("crash-image"));
        B running = backend.apply(data);
        serve(running, database -> {
            writes.accept(database, running);
            try (var files = Files.list(data)) {
                for (Path file : files.toList()) {
                    Files.copy(file, crashImage.resolve(file.getFileName()));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> kept = new ArrayList<>();
        withDurableStore(crashImage, database -> {
            for (String name : database.listCollectionNames()) {
                if (database.getCollection(name).find(new Document("_id", 1)).first() != null) {
                    kept.add(name);
                }
            }
        });
        return kept;
    }

    private static MongoClient client(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }
}
