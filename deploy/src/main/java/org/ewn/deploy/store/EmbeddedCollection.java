package org.ewn.deploy.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.Iterator;
import java.util.function.Supplier;

/**
 * H2's collection, with two changes.
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
 * never asks.</li>
 * </ul>
 */
final class EmbeddedCollection extends H2Collection {

    /** Set, under the collection's lock, while an update runs: what it reads, it gets as copies. */
    private boolean updating;

    EmbeddedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
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
        QueryResult matched = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
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

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        long size = streamAllDocumentsWithPosition()
                .mapToLong(stored -> DocumentType.inBson(stored.getDocument()).readableBytes()).sum();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }
}
