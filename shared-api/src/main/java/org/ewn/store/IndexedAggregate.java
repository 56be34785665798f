package org.ewn.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One aggregate as an index knows it: its last sequence number and, for each commit that holds its events, the first
 * of its sequence numbers in that commit. Keyed by commit number, so that entries known twice (persisted and still
 * pending, or applied twice) count once.
 */
record IndexedAggregate(long lastSequence, NavigableMap<Long, Long> firstSequenceByCommit) {

    /** Both views of the aggregate together; either may know commits the other does not yet. */
    IndexedAggregate union(IndexedAggregate other) {
        NavigableMap<Long, Long> entries = new TreeMap<>(firstSequenceByCommit);
        entries.putAll(other.firstSequenceByCommit);
        return new IndexedAggregate(Math.max(lastSequence, other.lastSequence), entries);
    }

    /** The commits holding sequence numbers {@code firstSequence} and later, in commit order. */
    List<Long> commitsFrom(long firstSequence) {
        List<Long> numbers = new ArrayList<>();
        if (lastSequence < firstSequence) {
            return numbers;
        }
        Map.Entry<Long, Long> previous = null;
        for (Map.Entry<Long, Long> entry : firstSequenceByCommit.entrySet()) {
            // an entry holds sequence numbers from its own first one up to the next entry's, exclusive
            if (previous != null && entry.getValue() > firstSequence) {
                numbers.add(previous.getKey());
            }
            previous = entry;
        }
        if (previous != null) {
            numbers.add(previous.getKey());
        }
        return numbers;
    }
}
