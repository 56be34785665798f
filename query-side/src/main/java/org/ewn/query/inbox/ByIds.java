package org.ewn.query.inbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.function.Consumer;

/** Reads documents by {@code _id $in}, in batches, the one multi-document read the embedded store does fast. */
final class ByIds {

    static final int BATCH = 500;

    private ByIds() {
    }

    /** Hands each document with one of these ids to {@code found}, in no particular order; missing ones are skipped. */
    static void find(MongoCollection<Document> collection, List<String> ids, Consumer<Document> found) {
        find(collection, ids, null, found);
    }

    /** @param fields which fields to read, or null for all */
    static void find(MongoCollection<Document> collection, List<String> ids, Bson fields, Consumer<Document> found) {
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(from + BATCH, ids.size()));
            collection.find(Filters.in("_id", batch)).projection(fields).forEach(found);
        }
    }
}
