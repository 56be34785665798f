package org.ewn.store;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Loads one aggregate's events: its entries in the {@link AggregateView} (persisted index and this process's commits
 * not yet indexed) name the commits to fetch, a few per {@code _id $in}, lazily. The commits come whole, so a load
 * also transfers the other events that were group-committed with the aggregate's.
 */
final class AggregateReader {

    private static final int COMMITS_PER_FETCH = 32;

    private final CommitLog log;
    private final AggregateView aggregates;

    AggregateReader(CommitLog log, AggregateView aggregates) {
        this.log = log;
        this.aggregates = aggregates;
    }

    Stream<DomainEventRecord> read(String aggregateId, long firstSequence) {
        List<Long> numbers = aggregates.commitsFrom(aggregateId, firstSequence);
        return IntStream.range(0, (numbers.size() + COMMITS_PER_FETCH - 1) / COMMITS_PER_FETCH)
                        .mapToObj(chunk -> numbers.subList(chunk * COMMITS_PER_FETCH,
                                                           Math.min(numbers.size(), (chunk + 1) * COMMITS_PER_FETCH)))
                        .flatMap(chunk -> log.readAll(chunk).stream())
                        .flatMap(commit -> commit.events().stream())
                        .map(StoredEvent::event)
                        .filter(event -> aggregateId.equals(event.aggregateId())
                                         && event.sequenceNumber() >= firstSequence)
                        .map(event -> new DomainEventRecord(null, event));
    }
}
