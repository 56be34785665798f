package org.ewn.deploy.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * H2's collection, measuring the size of its documents when a client asks for it ({@code collStats},
 * {@code validate}) instead of at every write. H2's own encoded the whole document in BSON, twice for an update
 * (before and after), only to count its bytes, and stored the running total in a map of its own, one more page to
 * write at every commit; the network never asks.
 */
final class SizedWhenAskedCollection extends H2Collection {

    SizedWhenAskedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                             MVMap<Object, Document> documents, MVMap<String, Object> meta,
                             CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
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
