package org.ewn.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.Optional;

/**
 * The latest snapshot of each aggregate, one document keyed by aggregate id. Snapshots are outside the hash chain:
 * they are a cache of state the log already proves, and may be dropped at any time.
 */
final class SnapshotStore {

    private final MongoCollection<Document> snapshots;

    SnapshotStore(MongoCollection<Document> snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * Keeps {@code snapshot} unless a later one is stored. Two snapshots of one aggregate stored at the same moment may
     * leave the earlier in place; that is harmless, as any snapshot is a valid starting point.
     */
    void store(SerializedEvent snapshot) {
        Document existing = snapshots.find(Filters.eq("_id", snapshot.aggregateId()))
                                     .projection(Projections.include("seq")).first();
        if (existing != null && existing.getLong("seq") >= snapshot.sequenceNumber()) {
            return;
        }
        snapshots.replaceOne(Filters.eq("_id", snapshot.aggregateId()),
                             snapshot.appendTo(new Document("_id", snapshot.aggregateId())),
                             new ReplaceOptions().upsert(true));
    }

    Optional<SerializedEvent> read(String aggregateId) {
        return Optional.ofNullable(snapshots.find(Filters.eq("_id", aggregateId)).first()).map(SerializedEvent::from);
    }
}
