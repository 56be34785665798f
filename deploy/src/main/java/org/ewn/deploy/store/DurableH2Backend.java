package org.ewn.deploy.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The H2 file backend, committed to its file before a write is acknowledged. H2's MVStore commits on its own only
 * about once a second; a process that died in between would lose writes that clients had already been told were
 * stored.
 * <p>
 * Writes to the collections that are rebuilt from the log ({@link #REBUILT_FROM_THE_LOG}: read models, the deadlines
 * the command side watches, the tracking tokens that say how far each of them got, the transparency tree's tiles, the
 * log's aggregate index with the watermark up to which it is complete, and the aggregates' snapshots) are not
 * committed on their own: the next commit takes them, whether a durable write's or the store's background commit
 * within a second. Each commit holds every write made before it, so a crash keeps, for each event processor, a prefix
 * of its writes: its models and its token as they stood at one moment, from which it replays the rest, as after any
 * stop between a model's write and its token's. Likewise the index never keeps a watermark without the entries
 * written before it, and the log re-indexes everything after the watermark at start-up; a snapshot lost is an older
 * one, or none, and the aggregate loads from its events. The log itself, the signed tree heads, the sagas, the
 * callback outbox, the accounts and anything not named here are committed before their acknowledgement.
 * <p>
 * Committing less matters beyond each commit's own cost: every commit writes a new chunk to the file, and chunks
 * that hold a page still live, as each new page of the append-only log does, stay until H2's housekeeping rewrites
 * them, under the lock every commit waits for. Committing every derived write as well made three to four commits an
 * alert, and at a steady 100 alerts/s tens of thousands of chunks, with commits waiting hundreds of milliseconds.
 * <p>
 * Its databases' unique indexes (among them every {@code _id}) compare their keys by value ({@link KeyValueType}).
 * H2's own index maps compare keys of a class it does not know by serializing both with Java serialization at every
 * comparison, which made each {@code _id} lookup cost tens of serializations. Such an index lives in a map of its own
 * name; a store written before has the same index under H2's name, which is removed when the index is opened, and the
 * backend fills the new, empty index from the collection's documents.
 * <p>
 * Its collections keep their documents in BSON ({@link DocumentType}), and read those H2 wrote with Java
 * serialization; a file this backend has written cannot be read by H2's own backend, nor by an earlier version.
 */
public class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropindexes");
    /** Writes whose collection is named in the command document; the others always commit. */
    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    /** Collections whose content a replay of the log rebuilds, by name or by prefix ending in {@code _}. */
    static final List<String> REBUILT_FROM_THE_LOG = List.of("inbox_", "directory_", "referrals", "referral_members",
                                                             "transfers", "transparency_tiles", "transparency_meta",
                                                             "trackingtokens", "alert_deadlines", "referral_deadlines",
                                                             "transfer_deadlines", "event_aggregates", "event_meta",
                                                             "event_snapshots");
    /** Distinguishes index maps keyed by value from H2's, whose keys were ordered by their serialized bytes. */
    static final String KEYED = "._keyed_index_";
    private static final String H2_INDEX = "._index_";
    /** H2's prefixes of a collection's documents and of its size. */
    private static final String DOCUMENTS = "databases.";
    private static final String META = "meta.";

    /** Pages are split at this size rather than H2's 16 KB; see {@link #open}. */
    static final int PAGE_SPLIT_SIZE = 4 * 1024;

    /** The default of {@code ewn.data.cache-size}, H2's own; see {@link DataProperties}. */
    static final String DEFAULT_CACHE_SIZE = "16MB";

    /** With the application's default cache. */
    public DurableH2Backend(String fileName) {
        this(open(Path.of(fileName), DataSize.parse(DEFAULT_CACHE_SIZE)));
    }

    /**
     * Opens the store's file with a page cache of {@code cacheSize} and leaves of at most
     * {@value #PAGE_SPLIT_SIZE} bytes. Each commit writes every leaf that changed since the last one, whole, with all
     * the documents in it serialized again: with H2's 16 KB leaves, an update of one small document rewrote up to 48
     * of its neighbours, at each of the log's commits. The split size takes effect on pages as they are written, so
     * a file written with another one is read as it is.
     */
    static MVStore open(Path file, DataSize cacheSize) {
        return new MVStore.Builder().fileName(file.toString())
                                    .cacheSize((int) Math.max(1, cacheSize.toMegabytes()))
                                    .pageSplitSize(PAGE_SPLIT_SIZE)
                                    .open();
    }

    DurableH2Backend(MVStore store) {
        super(store);
    }

    static boolean rebuiltFromTheLog(String collection) {
        for (String name : REBUILT_FROM_THE_LOG) {
            if (name.endsWith("_") ? collection.startsWith(name) : collection.equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // opening reads every collection whose index is filled anew, which can take long on a large file
        return readingOneVersion(getMvStore(), () -> new KeyedH2Database(databaseName, getCursorRegistry()));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = readingOneVersion(getMvStore(),
                () -> super.handleCommand(channel, databaseName, command, query));
        String name = command.toLowerCase();
        if (WRITES.contains(name)
            && !(DOCUMENT_WRITES.contains(name) && rebuiltFromTheLog(collection(command, query)))) {
            commit();
        }
        return response;
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return readingOneVersion(getMvStore(), () -> super.handleQuery(query));
    }

    /**
     * Runs {@code read} with the store's current version registered as in use, so that no chunk its pages are read
     * from is freed before it ends. A query iterates a collection's map from the root it found at its start, reading
     * pages from the file as it goes; without the registration the store keeps only the last five versions, and a
     * chunk that H2's housekeeping emptied by moving its live pages elsewhere is freed as soon as it has aged past the
     * retention time, counted from when it was written. Under load most chunks are that old, and a scan of a
     * collection spanning more than five commits then failed with "Chunk ... not found" (H2 issues 2118 and 4383).
     */
    static <T> T readingOneVersion(MVStore store, Supplier<T> read) {
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    private static String collection(String command, Document query) {
        return query.get(command) instanceof String collection ? collection : "";
    }

    /**
     * H2's database with unique indexes keyed by value. An inner class: H2's constructor opens the indexes, before
     * any field of its own could be set, so the store is the backend's.
     */
    private final class KeyedH2Database extends H2Database {

        KeyedH2Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, getMvStore(), cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            String previous = namespace + H2_INDEX + indexName;
            if (store.hasMap(previous)) {
                store.removeMap(previous);
            }
            MVMap<KeyValue, Object> map = store.openMap(namespace + KEYED + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            return new KeyedUniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * A secondary index of one field answers ranges of dates ({@link TimeIndex}). Any other is accepted without
         * being kept, as H2's own database does, but without its warning at every start: the store answers those
         * queries by scanning the collection, and a MongoDB deployment uses the index.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            return TimeIndex.indexes(keys) ? new TimeIndex(indexName, keys, sparse) : new EmptyIndex<>(indexName, keys);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = store.openMap(DOCUMENTS + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
            return new EmbeddedCollection(this, collectionName, options, documents, store.openMap(META + namespace),
                                          getCursorRegistry());
        }

        /**
         * Moves the collection's documents, size and indexes to the new name. H2's own version reads the name after
         * the collection has taken its new one, and so renames an empty map to itself: the collection came back
         * empty after a restart.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            MVStore store = getMvStore();
            String from = collection.getFullName();
            String to = getFullCollectionNamespace(newCollectionName);
            super.moveCollection(oldDatabase, collection, newCollectionName);
            renameMap(DOCUMENTS + from, DOCUMENTS + to);
            renameMap(META + from, META + to);
            for (String name : store.getMapNames()) {
                if (name.startsWith(from + KEYED)) {
                    renameMap(name, to + name.substring(from.length()));
                }
            }
        }

        /** Renames the map open under {@code from}, in place of any map named {@code to}. */
        private void renameMap(String from, String to) {
            MVStore store = getMvStore();
            if (store.hasMap(from)) {
                MVMap<?, ?> map = store.openMap(from);
                if (store.hasMap(to)) {
                    store.removeMap(to);
                }
                store.renameMap(map, to);
            }
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = getFullCollectionNamespace(collection.getCollectionName()) + KEYED + indexName;
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(name);
            }
        }
    }
}
