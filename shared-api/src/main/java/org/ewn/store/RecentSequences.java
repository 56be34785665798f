package org.ewn.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The committer's memory of the last sequence number of the aggregates in the commits it has written or caught up
 * on, so that most sequence checks need no round trip. Exact through the writer's head: every commit up to the head
 * passed through {@link #record}, and an insert after the head fails if anything followed it.
 * <p>
 * Bounded, but an entry is evicted only once its commit is in the persisted index, so an aggregate missing from here
 * is one whose commits the persisted index holds, all of them: a miss falls back to it, and that is exact too.
 * Used by the committer thread only.
 */
final class RecentSequences {

    private record Known(long lastSequence, long commit) {
    }

    private final int capacity;
    /** In commit order, oldest first: {@link #record} re-inserts, and commits are recorded in order. */
    private final LinkedHashMap<String, Known> byAggregate = new LinkedHashMap<>();

    RecentSequences(int capacity) {
        this.capacity = capacity;
    }

    /** The aggregate's last sequence number, or {@code null} if not remembered. */
    Long lastSequence(String aggregateId) {
        Known known = byAggregate.get(aggregateId);
        return known == null ? null : known.lastSequence();
    }

    /** Remembers a commit that directly follows the previously recorded one. */
    void record(IndexUpdate update) {
        update.aggregates().forEach((aggregateId, range) -> {
            byAggregate.remove(aggregateId);
            byAggregate.put(aggregateId, new Known(range.last(), update.commit()));
        });
    }

    /** Forgets the oldest entries beyond the capacity, but none whose commit is after {@code indexedThrough}. */
    void evictIndexed(long indexedThrough) {
        Iterator<Map.Entry<String, Known>> oldestFirst = byAggregate.entrySet().iterator();
        while (byAggregate.size() > capacity && oldestFirst.next().getValue().commit() <= indexedThrough) {
            oldestFirst.remove();
        }
    }

    /** Forgets everything; for when the persisted index has just been completed through the head. */
    void clear() {
        byAggregate.clear();
    }

    int size() {
        return byAggregate.size();
    }
}
