package org.ewn.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The index updates of this process's commits that the {@link IndexWriter} has not applied yet: what the persisted
 * {@link AggregateIndex} will hold once it has. An update is added before its appends return and removed only after
 * it is applied, so whoever reads this first and the persisted index second sees every commit at least once.
 */
final class PendingIndex {

    /** Per aggregate, by commit number: its sequence numbers in that commit. */
    private final Map<String, NavigableMap<Long, IndexUpdate.Range>> byAggregate = new HashMap<>();

    synchronized void add(IndexUpdate update) {
        update.aggregates().forEach(
                (aggregateId, range) -> byAggregate.computeIfAbsent(aggregateId, id -> new TreeMap<>())
                                                   .put(update.commit(), range));
    }

    synchronized void remove(Collection<IndexUpdate> applied) {
        for (IndexUpdate update : applied) {
            for (String aggregateId : update.aggregates().keySet()) {
                NavigableMap<Long, IndexUpdate.Range> commits = byAggregate.get(aggregateId);
                if (commits != null) {
                    commits.remove(update.commit());
                    if (commits.isEmpty()) {
                        byAggregate.remove(aggregateId);
                    }
                }
            }
        }
    }

    synchronized Map<String, Long> lastSequences(Collection<String> aggregateIds) {
        Map<String, Long> found = new HashMap<>();
        for (String aggregateId : aggregateIds) {
            NavigableMap<Long, IndexUpdate.Range> commits = byAggregate.get(aggregateId);
            if (commits != null) {
                found.put(aggregateId, lastOf(commits));
            }
        }
        return found;
    }

    synchronized Optional<IndexedAggregate> read(String aggregateId) {
        NavigableMap<Long, IndexUpdate.Range> commits = byAggregate.get(aggregateId);
        if (commits == null) {
            return Optional.empty();
        }
        NavigableMap<Long, Long> entries = new TreeMap<>();
        commits.forEach((commit, range) -> entries.put(commit, range.first()));
        return Optional.of(new IndexedAggregate(lastOf(commits), entries));
    }

    /** Sequence numbers only grow along the log, so the last commit holds the last one. */
    private static long lastOf(NavigableMap<Long, IndexUpdate.Range> commits) {
        return commits.lastEntry().getValue().last();
    }
}
