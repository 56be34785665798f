package org.ewn.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The persisted aggregate index: per aggregate, its last sequence number and the commits that hold its events, so
 * that loading an aggregate is one {@code _id} lookup plus one {@code _id $in} over commits. Derived from the log and
 * written with idempotent operators ({@code $max}, {@code $addToSet}), so any writer may (re)apply any commit at any
 * time, in any grouping.
 * <p>
 * It lags the log: the {@link IndexWriter} applies commits after their appends have returned, and a writer that dies
 * before that leaves it behind. The {@value #WATERMARK} document in the meta collection names a commit through which
 * the index is known to be complete; writers re-apply everything after it when they start.
 */
final class AggregateIndex {

    static final String WATERMARK = "aggregates-indexed-through";

    private final MongoCollection<Document> aggregates;
    private final MongoCollection<Document> meta;

    AggregateIndex(MongoCollection<Document> aggregates, MongoCollection<Document> meta) {
        this.aggregates = aggregates;
        this.meta = meta;
    }

    /** The last sequence number of each aggregate named that has events in the index. */
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

    Optional<IndexedAggregate> read(String aggregateId) {
        Document document = aggregates.find(Filters.eq("_id", aggregateId)).first();
        if (document == null) {
            return Optional.empty();
        }
        NavigableMap<Long, Long> entries = new TreeMap<>();
        for (Document entry : document.getList("commits", Document.class)) {
            entries.put(entry.getLong("c"), entry.getLong("s"));
        }
        return Optional.of(new IndexedAggregate(document.getLong("lastSeq"), entries));
    }

    /** The commits holding the aggregate's events with sequence number {@code firstSequence} or later, in order. */
    List<Long> commitsFrom(String aggregateId, long firstSequence) {
        return read(aggregateId).map(aggregate -> aggregate.commitsFrom(firstSequence)).orElse(List.of());
    }

    /** Records the commits' aggregate events in one bulk write, one upsert per aggregate; harmless to repeat. */
    void apply(Collection<IndexUpdate> updates) {
        Map<String, Long> lastSequences = new LinkedHashMap<>();
        Map<String, List<Document>> entries = new HashMap<>();
        for (IndexUpdate update : updates) {
            update.aggregates().forEach((aggregateId, range) -> {
                lastSequences.merge(aggregateId, range.last(), Math::max);
                // the same commit always yields the same entry, so $addToSet keeps one copy
                entries.computeIfAbsent(aggregateId, id -> new ArrayList<>())
                       .add(new Document("c", update.commit()).append("s", range.first()));
            });
        }
        List<UpdateOneModel<Document>> upserts = new ArrayList<>(lastSequences.size());
        lastSequences.forEach((aggregateId, lastSequence) -> upserts.add(new UpdateOneModel<>(
                Filters.eq("_id", aggregateId),
                Updates.combine(Updates.max("lastSeq", lastSequence),
                                Updates.addEachToSet("commits", entries.get(aggregateId))),
                new UpdateOptions().upsert(true))));
        if (!upserts.isEmpty()) {
            aggregates.bulkWrite(upserts);
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
