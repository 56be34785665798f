package org.ewn.deploy.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write the embedded store acknowledged is in its file at once: a copy of the file taken right after
 * the acknowledgement, as a crash would leave it, holds the write. Writes to what a replay rebuilds wait for the
 * next commit.
 */
class DurableH2BackendTest {

    @Test
    void acknowledgedWriteIsInTheFileBeforeAnyCommitInterval(@TempDir Path dir) throws Exception {
        assertThat(afterCrash(dir, DurableH2Backend::new, db -> insert(db, "event_commits"))).containsExactly(
                "event_commits");
    }

    @Test
    void plainBackendWouldLoseIt(@TempDir Path dir) throws Exception {
        // the reason DurableH2Backend exists: H2 on its own only commits in the background
        assertThat(afterCrash(dir, H2Backend::new, db -> insert(db, "event_commits"))).isEmpty();
    }

    @Test
    void aReadModelWriteWaitsForTheNextCommit(@TempDir Path dir) throws Exception {
        assertThat(afterCrash(dir, DurableH2Backend::new, db -> insert(db, "inbox_alerts"))).isEmpty();
    }

    @Test
    void theNextDurableWriteCommitsWhatCameBefore(@TempDir Path dir) throws Exception {
        assertThat(afterCrash(dir, DurableH2Backend::new, db -> {
            insert(db, "inbox_alerts");
            insert(db, "trackingtokens");
            insert(db, "event_commits");
        })).containsExactlyInAnyOrder("inbox_alerts", "trackingtokens", "event_commits");
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
    void theFileOpensWithTheConfiguredCacheAndSmallLeavesAndReadsAFileWrittenWithH2sDefaults(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
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

        MVStore store = DurableH2Backend.open(file, DataSize.ofMegabytes(32));
        assertThat(store.getCacheSize()).isEqualTo(32);
        assertThat(store.getFileStore().getMaxPageSize()).isEqualTo(DurableH2Backend.PAGE_SPLIT_SIZE);
        MongoServer reopened = new MongoServer(new DurableH2Backend(store));
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
        Path file = dir.resolve("store.mv");
        try (MVStore store = DurableH2Backend.open(file, DataSize.ofMegabytes(1))) {
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
        try (MVStore store = DurableH2Backend.open(file, DataSize.ofMegabytes(1))) {
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
        MongoServer server = new MongoServer(new DurableH2Backend(dir.resolve("store.mv").toString()));
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = client(server)) {
                use.accept(client.getDatabase("ewn"));
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static void insert(MongoDatabase database, String collection) {
        database.getCollection(collection).insertOne(new Document("_id", 1).append("x", "kept"));
    }

    /**
     * The collections whose write is in a copy of the file taken right after the writes were acknowledged. The store's
     * background commits are off, so only the backend's own commits reach the file.
     */
    private static List<String> afterCrash(Path dir, Function<MVStore, H2Backend> backend,
                                           Consumer<MongoDatabase> writes) throws Exception {
        Path file = dir.resolve("store.mv");
        Path crashImage = dir.resolve("crash-image.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MongoServer server = new MongoServer(backend.apply(store));
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = client(server)) {
                writes.accept(client.getDatabase("ewn"));
                Files.copy(file, crashImage);
            }
        } finally {
            server.shutdownNow();
        }
        MongoServer reopened = new MongoServer(new DurableH2Backend(crashImage.toString()));
        try {
            reopened.bind("127.0.0.1", 0);
            try (MongoClient client = client(reopened)) {
                MongoDatabase database = client.getDatabase("ewn");
                List<String> kept = new ArrayList<>();
                for (String name : database.listCollectionNames()) {
                    if (database.getCollection(name).find(new Document("_id", 1)).first() != null) {
                        kept.add(name);
                    }
                }
                return kept;
            }
        } finally {
            reopened.shutdownNow();
        }
    }

    private static MongoClient client(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }
}
