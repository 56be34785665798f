package org.ewn.deploy.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The H2 file backend, in two files: {@value #LOG_FILE}, committed to before a write is acknowledged, and
 * {@value #DERIVED_FILE}, which holds what a replay of the log rebuilds and is committed in the background. H2's
 * MVStore commits on its own only about once a second; a process that died in between would lose writes that clients
 * had already been told were stored.
 * <p>
 * The collections that are rebuilt from the log ({@link #REBUILT_FROM_THE_LOG}: read models, the deadlines the command
 * side watches, the tracking tokens that say how far each event processor got, the transparency tree's tiles, the
 * log's aggregate index with the watermark up to which it is complete, and the aggregates' snapshots) live in the
 * derived file, which H2 commits within a second of a write. Each of its commits holds every write made to it before,
 * so a crash keeps, for each event processor, a prefix of its writes: its models and its token as they stood at one
 * moment, from which it replays the rest, as after any stop between a model's write and its token's. Likewise the
 * index never keeps a watermark without the entries written before it, and the log re-indexes everything after the
 * watermark at start-up; a snapshot lost is an older one, or none, and the aggregate loads from its events. A
 * processor whose handlers also write elsewhere (the callback outbox, the subject keys) writes there before its token
 * is stored, so its token is never ahead of those writes; the handover saga's own state is stored after its token,
 * and a saga lost with it has already asked for the handover, which happens once however often it is asked.
 * <p>
 * The log itself, the signed tree heads, the sagas, the callback outbox, the accounts and anything not named there
 * are in the log's file and committed before their acknowledgement. A derived write must never outlive a crash that
 * the log's entries it was derived from did not: the log's new commits are therefore not seen by any reader until
 * they are in the file ({@link #LOG}); what the processors derive from them comes after that.
 * <p>
 * The two files keep the log's commits apart from everything else. An H2 commit writes every page changed since the
 * previous one, the read models' with the log's, under one lock and in one thread, and H2's housekeeping rewrites old
 * chunks under the same lock; the log's commit, which every alert waits for, waited for writes that were not the
 * log's. Committing less matters too: every commit writes a new chunk to the file, and chunks that hold a page still
 * live, as each new page of the append-only log does, stay until H2's housekeeping rewrites them. Committing every
 * derived write as well made three to four commits an alert, and at a steady 100 alerts/s tens of thousands of chunks,
 * with commits waiting hundreds of milliseconds.
 * <p>
 * A log file written before the derived file existed holds the derived collections itself: they are moved into the
 * new derived file when it is opened, as they stood, so that nothing is replayed.
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
public class DurableH2Backend extends AbstractMongoBackend {

    private static final Logger logger = LoggerFactory.getLogger(DurableH2Backend.class);

    /** The file of the log and of everything committed before its acknowledgement. */
    public static final String LOG_FILE = "store.mv";
    /** The file of what a replay of the log rebuilds. */
    public static final String DERIVED_FILE = "derived.mv";

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");
    /** Writes whose collection is named in the command document; the others commit both files. */
    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    /** Collections whose content a replay of the log rebuilds, by name or by prefix ending in {@code _}. */
    static final List<String> REBUILT_FROM_THE_LOG = List.of("inbox_", "directory_", "referrals", "referral_members",
                                                             "transfers", "transparency_tiles", "transparency_meta",
                                                             "trackingtokens", "alert_deadlines", "referral_deadlines",
                                                             "transfer_deadlines", "event_aggregates", "event_meta",
                                                             "event_snapshots");
    /** The log's commits, from which the derived collections are built. */
    static final String LOG = "event_commits";
    /** Distinguishes index maps keyed by value from H2's, whose keys were ordered by their serialized bytes. */
    static final String KEYED = "._keyed_index_";
    private static final String H2_INDEX = "._index_";
    /** H2's prefixes of a collection's documents and of its size. */
    private static final String DOCUMENTS = "databases.";
    private static final String META = "meta.";

    /** Pages are split at this size rather than H2's 16 KB; see {@link #openFile}. */
    static final int PAGE_SPLIT_SIZE = 4 * 1024;

    /** The default of {@code ewn.data.cache-size}; see {@link DataProperties}. */
    static final String DEFAULT_CACHE_SIZE = "2MB";

    private final MVStore log;
    private final MVStore derived;
    /**
     * Held exclusively from a write to the log's commits until it is in the file, and shared by every other command on
     * them, so that no reader sees a commit that a crash could still take back.
     */
    private final ReadWriteLock logVisibility = new ReentrantReadWriteLock();
    /**
     * Whether the command this thread is running changed the list of collections or of indexes, which the log's file
     * keeps: a derived collection's first write creates it there.
     */
    private final ThreadLocal<Boolean> catalogChanged = ThreadLocal.withInitial(() -> false);

    /** The store in {@code directory}, with the application's default cache. */
    public DurableH2Backend(Path directory) {
        this(directory, DataSize.parse(DEFAULT_CACHE_SIZE));
    }

    /** The store in {@code directory}, each of its two files with a page cache of {@code cacheSize}. */
    public DurableH2Backend(Path directory, DataSize cacheSize) {
        this(openFile(directory.resolve(LOG_FILE), cacheSize), openFile(directory.resolve(DERIVED_FILE), cacheSize));
    }

    /**
     * Opens one of the store's files with a page cache of {@code cacheSize} and leaves of at most
     * {@value #PAGE_SPLIT_SIZE} bytes. Each commit writes every leaf that changed since the last one, whole, with all
     * the documents in it serialized again: with H2's 16 KB leaves, an update of one small document rewrote up to 48
     * of its neighbours, at each of the log's commits. The split size takes effect on pages as they are written, so
     * a file written with another one is read as it is.
     */
    static MVStore openFile(Path file, DataSize cacheSize) {
        return new MVStore.Builder().fileName(file.toString())
                                    .cacheSize((int) Math.max(1, cacheSize.toMegabytes()))
                                    .pageSplitSize(PAGE_SPLIT_SIZE)
                                    .open();
    }

    /**
     * On the log's file and the derived file, both open; the backend closes them. On one file for both, it writes a
     * store as it was before the derived file existed.
     */
    DurableH2Backend(MVStore log, MVStore derived) {
        this.log = log;
        this.derived = derived;
        if (log != derived) {
            moveDerivedMaps();
        }
        log.getMapNames().stream()
           .filter(name -> name.startsWith(DOCUMENTS))
           .map(name -> Utils.firstFragment(name.substring(DOCUMENTS.length())))
           .distinct()
           .forEach(this::resolveDatabase);
    }

    static boolean rebuiltFromTheLog(String collection) {
        for (String name : REBUILT_FROM_THE_LOG) {
            if (name.endsWith("_") ? collection.startsWith(name) : collection.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The file that holds {@code collection} of any database. */
    MVStore fileOf(String collection) {
        return rebuiltFromTheLog(collection) ? derived : log;
    }

    /**
     * Moves the maps of derived collections that the log's file holds into the derived file, with their documents,
     * sizes and keyed indexes as they stand; H2's own index maps are dropped, as opening their index would. A map the
     * derived file has already is the one in use, and the log file's copy is dropped: a move that a crash interrupted
     * after the derived file's commit is finished so.
     */
    private void moveDerivedMaps() {
        List<String> moved = log.getMapNames().stream()
                                .filter(name -> collectionOfMap(name).filter(DurableH2Backend::rebuiltFromTheLog)
                                                                     .isPresent())
                                .toList();
        if (moved.isEmpty()) {
            return;
        }
        logger.info("Moving {} maps of derived collections into {}", moved.size(), DERIVED_FILE);
        for (String name : moved) {
            if (!derived.hasMap(name) && !name.contains(H2_INDEX)) {
                MVMap<Object, Object> from = openMap(log, name);
                MVMap<Object, Object> to = openMap(derived, name);
                from.forEach(to::put);
            }
        }
        derived.commit();
        moved.forEach(name -> log.removeMap(name));
        log.commit();
    }

    /** Opens the map {@code name} with the key and value types this backend gives a map of its kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap<Object, Object> openMap(MVStore store, String name) {
        if (name.startsWith(DOCUMENTS)) {
            return (MVMap) store.openMap(name, new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
        }
        if (name.contains(KEYED)) {
            return (MVMap) store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        }
        return store.openMap(name);
    }

    /**
     * The namespace ({@code db.coll}) of the collection a map of this backend belongs to: {@code databases.db.coll}
     * and {@code meta.db.coll} hold its documents and size, {@code db.coll._keyed_index_name} and H2's
     * {@code db.coll._index_name} its indexes.
     */
    private static Optional<String> namespaceOfMap(String mapName) {
        if (mapName.startsWith(DOCUMENTS)) {
            return Optional.of(mapName.substring(DOCUMENTS.length()));
        } else if (mapName.startsWith(META)) {
            return Optional.of(mapName.substring(META.length()));
        } else if (mapName.contains(KEYED)) {
            return Optional.of(mapName.substring(0, mapName.indexOf(KEYED)));
        } else if (mapName.contains(H2_INDEX)) {
            return Optional.of(mapName.substring(0, mapName.indexOf(H2_INDEX)));
        }
        return Optional.empty();
    }

    /** The collection a map belongs to: its namespace after the database's name, which has no dot. */
    private static Optional<String> collectionOfMap(String mapName) {
        return namespaceOfMap(mapName).filter(namespace -> namespace.contains("."))
                                      .map(namespace -> namespace.substring(namespace.indexOf('.') + 1));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // opening reads every collection whose index is filled anew, which can take long on a large file
        return readingOneVersion(() -> new KeyedH2Database(databaseName, getCursorRegistry()));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!LOG.equals(collection(command, query))) {
            return handleAndCommit(channel, databaseName, command, query);
        }
        Lock lock = WRITES.contains(command.toLowerCase()) ? logVisibility.writeLock() : logVisibility.readLock();
        lock.lock();
        try {
            return handleAndCommit(channel, databaseName, command, query);
        } finally {
            lock.unlock();
        }
    }

    private Document handleAndCommit(Channel channel, String databaseName, String command, Document query) {
        String name = command.toLowerCase();
        boolean write = WRITES.contains(name);
        catalogChanged.set(false);
        Document response = readingOneVersion(() -> super.handleCommand(channel, databaseName, command, query));
        if (write && !DOCUMENT_WRITES.contains(name)) {
            commit();
        } else if (write && (!rebuiltFromTheLog(collection(command, query)) || catalogChanged.get())) {
            commitLog();
        }
        return response;
    }

    /** Commits the log's file; what an acknowledged write waits for. */
    void commitLog() {
        log.commit();
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return readingOneVersion(() -> super.handleQuery(query));
    }

    /** Commits both files. */
    private void commit() {
        log.commit();
        derived.commit();
    }

    /** The log's file. */
    MVStore log() {
        return log;
    }

    /** The derived file. */
    MVStore derived() {
        return derived;
    }

    @Override
    public void close() {
        super.close();
        derived.close();
        if (log != derived) {
            log.close();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + log.getFileStore().getFileName() + ", "
               + derived.getFileStore().getFileName() + "]";
    }

    /** Runs {@code read} with both files' current versions registered as in use; see the method below. */
    private <T> T readingOneVersion(Supplier<T> read) {
        return readingOneVersion(log, () -> readingOneVersion(derived, read));
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

    /**
     * The collection a command names as its first value. A {@code getMore} names none there, and needs no lock: it
     * reads the map as it stood when its {@code find} began.
     */
    private static String collection(String command, Document query) {
        return query.get(command) instanceof String collection ? collection : "";
    }

    /**
     * H2's database with unique indexes keyed by value, and each collection's maps in the file that holds it. An inner
     * class: H2's constructor opens the collections and indexes, before any field of its own could be set, so the
     * files are the backend's. H2's database knows only the log's file, which keeps the list of collections.
     */
    private final class KeyedH2Database extends H2Database {

        KeyedH2Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, log, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = fileOf(collectionName);
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
            MVStore store = fileOf(collectionName);
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = store.openMap(DOCUMENTS + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
            return new EmbeddedCollection(this, collectionName, options, documents, store.openMap(META + namespace),
                                          getCursorRegistry());
        }

        /**
         * Moves the collection's documents, size and indexes to the new name, within its file; a collection cannot
         * move between the log's file and the derived file. H2's own version reads the name after the collection has
         * taken its new one, and so renames an empty map to itself: the collection came back empty after a restart.
         */
        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            MVStore store = fileOf(collection.getCollectionName());
            if (store != fileOf(newCollectionName)) {
                throw new MongoServerException("Cannot rename " + collection.getCollectionName() + " to "
                                               + newCollectionName
                                               + ": the one is rebuilt from the log, the other not");
            }
            String from = collection.getFullName();
            String to = getFullCollectionNamespace(newCollectionName);
            super.moveCollection(oldDatabase, collection, newCollectionName);
            if (store != log) {
                // H2's version opened the new name's maps in the log's file, empty
                removeMap(log, DOCUMENTS + to);
                removeMap(log, META + to);
            }
            renameMap(store, DOCUMENTS + from, DOCUMENTS + to);
            renameMap(store, META + from, META + to);
            for (String name : store.getMapNames()) {
                if (name.startsWith(from + KEYED)) {
                    renameMap(store, name, to + name.substring(from.length()));
                }
            }
        }

        private void removeMap(MVStore store, String name) {
            if (store.hasMap(name)) {
                store.removeMap(name);
            }
        }

        /** Renames the map open under {@code from}, in place of any map named {@code to}. */
        private void renameMap(MVStore store, String from, String to) {
            if (store.hasMap(from)) {
                MVMap<?, ?> map = store.openMap(from);
                removeMap(store, to);
                store.renameMap(map, to);
            }
        }

        /** Every collection created is given its {@code _id} index here, as is every index created. */
        @Override
        protected void addIndex(Document indexDescription) {
            super.addIndex(indexDescription);
            catalogChanged.set(true);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            removeMap(fileOf(collection.getCollectionName()),
                      getFullCollectionNamespace(collection.getCollectionName()) + KEYED + indexName);
        }

        /** Removes the collection's documents, size and indexes from the file that holds it. */
        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            removeMaps(fileOf(collectionName), collectionName::equals);
        }

        /** Removes the database's maps from both files. */
        @Override
        public void drop(Oplog oplog) {
            super.drop(oplog);
            removeMaps(derived, collection -> true);
        }

        /** Removes from {@code store} the maps of this database's collections that {@code which} names. */
        private void removeMaps(MVStore store, Predicate<String> which) {
            String prefix = getDatabaseName() + ".";
            for (String name : List.copyOf(store.getMapNames())) {
                if (namespaceOfMap(name).filter(namespace -> namespace.startsWith(prefix)
                                                             && which.test(namespace.substring(prefix.length())))
                                        .isPresent()) {
                    store.removeMap(name);
                }
            }
        }
    }
}
