package org.ewn.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per aggregate: its last sequence number and the commits that hold its events, so that loading an aggregate is one
 * {@code _id} lookup plus one {@code _id $in} over commits. Derived from the log and written after each commit with
 * idempotent operators ({@code $max}, {@code $addToSet}), so any writer may (re)apply any commit at any time.
 * <p>
 * A writer that dies between inserting a commit and applying it leaves this index behind the log. The
 * {@value #WATERMARK} document in the meta collection names a commit through which the index is known to be
 * complete; writers re-apply everything after it when they start, and every writer applies each commit it learns of
 * before it validates against this index, so validation never reads a stale sequence number.
 */
final class AggregateIndex {

    static final String WATERMARK = "aggregates-indexed-through";

    private final MongoCollection<Document> aggregates;
    private final MongoCollection<Document> meta;

    AggregateIndex(MongoCollection<Document> aggregates, MongoCollection<Document> meta) {
        this.aggregates = aggregates;
        this.meta = meta;
    }

    /** The last sequence number of each aggregate named that has events. */
    Map<String, Long> lastSequences(Collection<String> aggregateIds) {
        Map<String, Long> found = new HashMap<>();
        if (!aggregateIds.isEmpty()) {
            for (Document document : aggregates.find(Filters.in("_id", aggregateIds))
                                               .projection(Projections.include("lastSeq"))) {
                found.put(document.getString("_id"), document.getLong("lastSeq"));
            }
        }
        return found;
    }

    Optional<Long> lastSequence(String aggregateId) {
        return Optional.ofNullable(lastSequences(List.of(aggregateId)).get(aggregateId));
    }

    /** The commits holding the aggregate's events with sequence number {@code firstSequence} or later, in order. */
    List<Long> commitsFrom(String aggregateId, long firstSequence) {
        Document document = aggregates.find(Filters.eq("_id", aggregateId)).first();
        if (document == null || document.getLong("lastSeq") < firstSequence) {
            return List.of();
        }
        List<Document> entries = new ArrayList<>(document.getList("commits", Document.class));
        entries.sort(Comparator.comparingLong(entry -> entry.getLong("c")));
        // a set: the same entry applied twice must not be fetched twice, whatever the server did with $addToSet
        Set<Long> numbers = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            // entry i holds sequence numbers from its own "s" up to the next entry's "s", exclusive
            boolean reachesFirst = i == entries.size() - 1 || entries.get(i + 1).getLong("s") > firstSequence;
            if (reachesFirst) {
                numbers.add(entries.get(i).getLong("c"));
            }
        }
        return List.copyOf(numbers);
    }

    /** Records the commits' aggregate events; harmless to repeat. */
    void apply(List<Commit> commits) {
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        for (Commit commit : commits) {
            Map<String, long[]> sequenceRanges = new LinkedHashMap<>();
            for (StoredEvent stored : commit.events()) {
                SerializedEvent event = stored.event();
                if (event.hasAggregate()) {
                    long[] range = sequenceRanges.computeIfAbsent(
                            event.aggregateId(), id -> new long[]{event.sequenceNumber(), event.sequenceNumber()});
                    range[0] = Math.min(range[0], event.sequenceNumber());
                    range[1] = Math.max(range[1], event.sequenceNumber());
                }
            }
            sequenceRanges.forEach((aggregateId, range) -> updates.add(new UpdateOneModel<>(
                    Filters.eq("_id", aggregateId),
                    Updates.combine(Updates.max("lastSeq", range[1]),
                                    // the same commit always yields the same entry, so $addToSet keeps one copy
                                    Updates.addToSet("commits", new Document("c", commit.number())
                                            .append("s", range[0]))),
                    new UpdateOptions().upsert(true))));
        }
        if (!updates.isEmpty()) {
            aggregates.bulkWrite(updates, new BulkWriteOptions().ordered(true));
        }
    }

    /** The commit through which this index is known to be complete, or -1. */
    long watermark() {
        Document document = meta.find(Filters.eq("_id", WATERMARK)).first();
        return document == null ? -1 : document.getLong("commit");
    }

    void advanceWatermark(long commit) {
        meta.updateOne(Filters.eq("_id", WATERMARK), Updates.max("commit", commit), new UpdateOptions().upsert(true));
    }
}
