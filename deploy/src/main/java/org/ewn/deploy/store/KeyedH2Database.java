package org.ewn.deploy.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * An H2 database of the embedded store, laid out in its file as mongo-java-server's {@code H2Database} lays it out,
 * except that its unique indexes (among them every {@code _id}) compare their keys by value ({@link KeyValueType}).
 * H2's own index maps compare keys of a class it does not know by serializing both with Java serialization at every
 * comparison, which made each {@code _id} lookup cost tens of serializations.
 * <p>
 * Such an index lives in a map of its own name. A store written before has the same index under H2's name: that map
 * is removed when the index is opened, and the backend fills the new, empty index from the collection's documents.
 */
final class KeyedH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    /** Distinguishes these index maps from H2's, whose keys were ordered by their serialized bytes. */
    static final String KEYED = "._keyed_index_";
    private static final String H2_INDEX = "._index_";
    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private final MVStore store;

    KeyedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        String namespace = getFullCollectionNamespace(collectionName);
        String previous = namespace + H2_INDEX + indexName;
        if (store.hasMap(previous)) {
            store.removeMap(previous);
        }
        MVMap<KeyValue, Object> map = store.openMap(namespace + KEYED + indexName,
                                                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        return new KeyedUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String name = getFullCollectionNamespace(collection.getCollectionName()) + KEYED + indexName;
        if (store.hasMap(name)) {
            store.removeMap(name);
        }
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        List<String> maps = store.getMapNames().stream()
                .filter(name -> name.startsWith(databaseName + ".")
                        || name.startsWith(DATABASES_PREFIX + databaseName)
                        || name.startsWith(META_PREFIX + databaseName))
                .toList();
        maps.forEach(store::removeMap);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store.openMap(DATABASES_PREFIX + fullName);
        MVMap<String, Object> meta = store.openMap(META_PREFIX + fullName);
        return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore == null ? 0 : fileStore.size();
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        store.removeMap(store.openMap(DATABASES_PREFIX + fullName));
        store.removeMap(store.openMap(META_PREFIX + fullName));
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String fullName = collection.getFullName();
        String newFullName = getFullCollectionNamespace(newCollectionName);
        store.renameMap(store.openMap(DATABASES_PREFIX + fullName), DATABASES_PREFIX + newFullName);
        store.renameMap(store.openMap(META_PREFIX + fullName), META_PREFIX + newFullName);
    }
}
