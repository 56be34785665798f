package org.ewn.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this process knows of an aggregate's commits: the persisted {@link AggregateIndex} together with the
 * {@link PendingIndex} of its own commits not yet applied to it, so that loads and sequence checks read this
 * process's writes. The pending view is read first: an update is removed from it only after it is applied, so one
 * being applied meanwhile shows in at least one of the two reads. Commits of other processes show once their writer
 * has indexed them (or this process has caught up on them), a few milliseconds late; an append based on such a late
 * read fails with a ConcurrencyException, as for any conflicting writer.
 */
final class AggregateView {

    private final PendingIndex pending;
    private final AggregateIndex persisted;

    AggregateView(PendingIndex pending, AggregateIndex persisted) {
        this.pending = pending;
        this.persisted = persisted;
    }

    Map<String, Long> lastSequences(Collection<String> aggregateIds) {
        Map<String, Long> found = new HashMap<>(pending.lastSequences(aggregateIds));
        persisted.lastSequences(aggregateIds).forEach((aggregateId, last) -> found.merge(aggregateId, last, Math::max));
        return found;
    }

    Optional<Long> lastSequence(String aggregateId) {
        return Optional.ofNullable(lastSequences(List.of(aggregateId)).get(aggregateId));
    }

    /** The commits holding the aggregate's events with sequence number {@code firstSequence} or later, in order. */
    List<Long> commitsFrom(String aggregateId, long firstSequence) {
        Optional<IndexedAggregate> notYetIndexed = pending.read(aggregateId);
        Optional<IndexedAggregate> indexed = persisted.read(aggregateId);
        Optional<IndexedAggregate> known = indexed.isEmpty() ? notYetIndexed
                : notYetIndexed.isEmpty() ? indexed
                : Optional.of(indexed.get().union(notYetIndexed.get()));
        return known.map(aggregate -> aggregate.commitsFrom(firstSequence)).orElse(List.of());
    }
}
