package org.ewn.store;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;

/**
 * Walks the log in global order from just after a given index, fetching several commits per round trip. It ends at
 * the first commit that does not exist yet rather than waiting for it: Axon's embedded event store polls and reopens
 * the stream itself, and a commit can only exist once every commit before it does, so stopping there skips nothing.
 */
final class TrackedEventSpliterator extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

    private static final int EVENTS_PER_FETCH = 500;
    private static final int MAX_COMMITS_PER_FETCH = 128;

    private final CommitLog log;
    private final Deque<TrackedEventData<?>> buffer = new ArrayDeque<>();
    private long nextCommit;
    private long lastIndex;
    private int commitsPerFetch = 16;

    TrackedEventSpliterator(CommitLog log, long afterIndex) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.log = log;
        this.lastIndex = afterIndex;
        this.nextCommit = log.locate(afterIndex + 1);
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
        while (buffer.isEmpty()) {
            if (!fetch()) {
                return false;
            }
        }
        action.accept(buffer.poll());
        return true;
    }

    private boolean fetch() {
        List<Commit> commits = log.readTail(nextCommit, commitsPerFetch);
        int events = 0;
        for (Commit commit : commits) {
            for (StoredEvent stored : commit.events()) {
                if (stored.index() > lastIndex) {
                    buffer.add(toTracked(stored));
                    lastIndex = stored.index();
                }
            }
            events += commit.events().size();
        }
        nextCommit += commits.size();
        if (!commits.isEmpty()) {
            int eventsPerCommit = Math.max(1, events / commits.size());
            commitsPerFetch = Math.max(1, Math.min(MAX_COMMITS_PER_FETCH, EVENTS_PER_FETCH / eventsPerCommit));
        }
        return !commits.isEmpty();
    }

    private static TrackedEventData<?> toTracked(StoredEvent stored) {
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(stored.index());
        return stored.event().hasAggregate()
                ? new DomainEventRecord(token, stored.event())
                : new PlainEventRecord(token, stored.event());
    }
}
