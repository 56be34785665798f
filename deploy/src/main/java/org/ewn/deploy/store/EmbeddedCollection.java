package org.ewn.deploy.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * H2's collection, with four changes.
 * <ul>
 * <li>An update never changes a document that H2 holds. mongo-java-server applies an update to the very document it
 * read, field by field, and then stores it again. H2 keeps the documents of its pages as objects, and writes the
 * pages of a commit on a thread of its own while the next commands run: an update to a document on a page being
 * written either tore the document on disk or, as its fields changed under the writer, failed the commit with a
 * {@link java.util.ConcurrentModificationException}, after which H2 closes the store. Updates, and the updates of
 * {@code findAndModify}, now work on copies of the documents they match, and store the copy. The copy is of the
 * document's own fields: mongo-java-server builds the updated values from a deep copy of its own and puts them into
 * the document it read, replacing fields and never changing a value in place, so the values of the document that
 * H2 holds are shared with the copy and stay as they are. A deep copy, as before, took a third of the samples of
 * the inbox's updates of its buckets in a profile at 100 alerts/s.</li>
 * <li>The size of its documents is measured when a client asks for it ({@code collStats}, {@code validate}) instead of
 * at every write. H2's own encoded the whole document in BSON, twice for an update (before and after), only to count
 * its bytes, and stored the running total in a map of its own, one more page to write at every commit; the network
 * never asks. Nor is it measured when the collection is opened, where H2's constructor asks for it only for a debug
 * message.</li>
 * <li>A query that pins the fields of a unique index to one value each but also asks more of the document, such as
 * the conditional updates of {@code {_id: x, width: {$lt: 3}}} (whether as one document or as the driver's {@code
 * $and}) or the token store's updates of a token by processor, segment and owner, reads the one document by the index
 * and matches the rest on it. mongo-java-server takes an index only for a query of exactly the index's fields, and
 * scanned the whole collection for these.</li>
 * <li>A new {@link TimeIndex} is filled in one pass over the documents rather than mongo-java-server's two.</li>
 * </ul>
 */
final class EmbeddedCollection extends H2Collection {

    /** Set, under the collection's lock, while an update runs: what it reads, it gets as copies. */
    private boolean updating;

    /**
     * False while H2's constructor runs: it asks for the size of a collection it reopens, only to pass it to a debug
     * log message, and measuring it read every document of every collection at every start.
     */
    private final boolean opened;

    EmbeddedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
        opened = true;
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        return onCopies(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return onCopies(() -> super.findAndModify(query));
    }

    /**
     * Fills a new {@link TimeIndex} in one pass over the documents before taking it on. mongo-java-server fills an
     * empty index itself, but in two passes, the first only to check a unique index's keys, and each pass reads every
     * document: at every start, for each index the store reopens.
     */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        if (index instanceof TimeIndex
            && getIndexes().stream().noneMatch(existing -> existing.getName().equals(index.getName()))) {
            streamAllDocumentsWithPosition().forEach(
                    document -> index.add(document.getDocument(), document.getPosition(), this));
        }
        super.addIndex(index);
    }

    /** Runs an update, under the collection's lock, with what it reads handed over as copies. */
    private Document onCopies(Supplier<Document> update) {
        boolean before = updating;
        updating = true;
        try {
            return update.get();
        } finally {
            updating = before;
        }
    }

    /**
     * The documents a query matches; while an update runs, a copy of the fields of each as the update takes it, so
     * that a single update copies the one document it changes.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        QueryResult matched = matching(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (!updating) {
            return matched;
        }
        Iterable<Document> copies = () -> new Iterator<>() {
            private final Iterator<Document> held = matched.iterator();

            @Override
            public boolean hasNext() {
                return held.hasNext();
            }

            @Override
            public Document next() {
                return held.next().clone();
            }
        };
        return new QueryResult(copies, matched.getCursorId());
    }

    /**
     * The documents a query matches, found as mongo-java-server finds them, by an index that takes the query whole or
     * else by a scan, but for a query that pins every field of a unique index to one value and asks more of the
     * document, such as {@code {_id: x, width: {$lt: 3}}}, or the token store's {@code {processorName: p, segment: 0,
     * owner: o}} on its index of the first two, at its top level or in its {@code $and}: the document the index has
     * for those values, if it matches the rest. mongo-java-server takes an index only for a query of exactly the
     * index's fields, and scans the collection for any other.
     */
    private QueryResult matching(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                 Document fieldSelector) {
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) {
            if (index.canHandle(query)) {
                return matchDocuments(query, index.getPositions(query), orderBy, numberToSkip, limit, batchSize,
                                      fieldSelector);
            }
        }
        for (Index<Object> index : indexes) {
            if (index instanceof AbstractUniqueIndex<?>) {
                Document key = pinnedKey(query, index.getKeys());
                if (key != null && index.canHandle(key)) {
                    return matchDocuments(query, index.getPositions(key), orderBy, numberToSkip, limit, batchSize,
                                          fieldSelector);
                }
            }
        }
        return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The values that the query requires the fields of an index's keys to equal; null unless it pins them all. */
    static Document pinnedKey(Document query, List<IndexKey> keys) {
        Document key = new Document();
        for (IndexKey indexKey : keys) {
            Object value = pinned(query, indexKey.getKey());
            if (value == null) {
                return null;
            }
            key.put(indexKey.getKey(), value);
        }
        return key;
    }

    /**
     * The one value that the query requires {@code field} to equal, at its top level or in a clause of its {@code
     * $and}; null if there is none, or it is null.
     */
    static Object pinned(Document query, String field) {
        Object value = literal(query.get(field));
        if (value != null) {
            return value;
        }
        if (query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document && (value = pinned(document, field)) != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /** The value a condition on a field requires it to equal: the value itself, or that of {@code $eq}, alone. */
    private static Object literal(Object condition) {
        if (condition instanceof Document document && document.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
            return document.size() == 1 ? literal(document.get("$eq")) : null;
        }
        return condition instanceof String || condition instanceof Number || condition instanceof ObjectId
                || condition instanceof Document ? condition : null;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        if (!opened) {
            return 0;
        }
        long size = streamAllDocumentsWithPosition()
                .mapToLong(stored -> DocumentType.inBson(stored.getDocument()).readableBytes()).sum();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
