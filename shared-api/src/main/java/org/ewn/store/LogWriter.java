package org.ewn.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends commits at the head of the log. The unique {@code _id} of the commit documents is the only serialization
 * point between writers, in this process or any other: a writer that knows head {@code H} inserts commit
 * {@code H + 1}; if that number is taken, another writer got there first, so it reads the new commits, checks its
 * appends again and retries. Because an insert at {@code H + 1} succeeds only if nothing followed {@code H}, checking
 * sequence numbers against an aggregate index complete through {@code H} is exact.
 * <p>
 * Used by the committer thread only.
 */
final class LogWriter {

    private static final Logger logger = LoggerFactory.getLogger(LogWriter.class);
    private static final int CATCH_UP_BATCH = 32;
    private static final int MAX_ATTEMPTS = 1000;

    private final CommitLog log;
    private final AggregateIndex aggregates;
    private final AtomicLong commitsWritten = new AtomicLong();
    private final AtomicLong appendsCommitted = new AtomicLong();
    private final AtomicLong eventsCommitted = new AtomicLong();
    private final AtomicLong headsLost = new AtomicLong();
    private LogHead head;
    private long watermark = -1;

    LogWriter(CommitLog log, AggregateIndex aggregates) {
        this.log = log;
        this.aggregates = aggregates;
    }

    /** Finds the head and completes the aggregate index through it, repairing what a crashed writer left undone. */
    void sync() {
        head = null;
        watermark = aggregates.watermark();
        long last = log.findHead();
        LogHead found = LogHead.EMPTY;
        for (long next = watermark + 1; next <= last; next += CATCH_UP_BATCH) {
            List<Commit> commits = log.readFrom(next, (int) Math.min(CATCH_UP_BATCH, last - next + 1));
            if (commits.isEmpty()) {
                throw new IllegalStateException("Commit " + next + " is missing below head commit " + last);
            }
            aggregates.apply(commits);
            found = LogHead.of(commits.get(commits.size() - 1));
        }
        if (found == LogHead.EMPTY && last >= 0) {
            found = LogHead.of(log.read(last).orElseThrow());
        }
        head = found;
        checkpoint();
    }

    /**
     * Commits those of {@code appends} whose sequence numbers follow on from the log, all in one commit, and
     * completes every append's future: normally, with a {@link ConcurrencyException}, or with an
     * {@link EventStoreException} when the store failed.
     */
    void commit(List<PendingAppend> appends) {
        List<PendingAppend> open = appends;
        try {
            if (head == null) {
                sync();
            }
            for (int attempt = 1; !open.isEmpty(); attempt++) {
                open = SequenceCheck.keepValid(open, aggregates);
                if (open.isEmpty()) {
                    return;
                }
                if (attempt > MAX_ATTEMPTS) {
                    throw new ConcurrencyException("Gave up appending after losing the log head " + MAX_ATTEMPTS
                                                   + " times to other writers");
                }
                Commit commit = Commit.after(head, open);
                if (insert(commit)) {
                    committed(commit, open);
                    return;
                }
                headsLost.incrementAndGet();
                catchUp();
            }
        } catch (ConcurrencyException e) {
            open.forEach(append -> append.result().completeExceptionally(e));
        } catch (RuntimeException e) {
            head = null;
            EventStoreException failure = new EventStoreException("Could not append events: " + e.getMessage(), e);
            open.forEach(append -> append.result().completeExceptionally(failure));
        }
    }

    /** Records in the store that the aggregate index is complete through this writer's head. */
    void checkpoint() {
        if (head != null && head.commit() > watermark) {
            aggregates.advanceWatermark(head.commit());
            watermark = head.commit();
        }
    }

    long commitsWritten() {
        return commitsWritten.get();
    }

    long appendsCommitted() {
        return appendsCommitted.get();
    }

    long eventsCommitted() {
        return eventsCommitted.get();
    }

    /** How often another writer took the commit number this one tried. */
    long headsLost() {
        return headsLost.get();
    }

    /** Whether {@code commit} is now in the log; false if another writer took its number. */
    private boolean insert(Commit commit) {
        try {
            log.insert(commit);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            return insertedDespite(e, commit);
        } catch (MongoException e) {
            return insertedDespite(e, commit);
        }
    }

    /** A failed acknowledgement does not mean a failed insert: look. */
    private boolean insertedDespite(MongoException failure, Commit commit) {
        Optional<Commit> stored = log.read(commit.number());
        if (stored.isEmpty()) {
            throw failure;
        }
        return stored.get().events().get(0).event().eventId().equals(commit.events().get(0).event().eventId());
    }

    private void committed(Commit commit, List<PendingAppend> appends) {
        head = LogHead.of(commit);
        commitsWritten.incrementAndGet();
        appendsCommitted.addAndGet(appends.size());
        eventsCommitted.addAndGet(commit.events().size());
        try {
            aggregates.apply(List.of(commit));
        } catch (RuntimeException e) {
            // the events are stored, so the appends succeeded; the next sync repairs the index from the watermark
            logger.warn("Commit {} is stored but its aggregate index update failed", commit.number(), e);
            head = null;
        }
        appends.forEach(append -> append.result().complete(null));
    }

    /** Reads and indexes the commits other writers added after our head. */
    private void catchUp() {
        List<Commit> newer = new ArrayList<>();
        List<Commit> batch;
        do {
            batch = log.readFrom(head.commit() + newer.size() + 1, CATCH_UP_BATCH);
            newer.addAll(batch);
        } while (batch.size() == CATCH_UP_BATCH);
        if (newer.isEmpty()) {
            // the number is taken but the commit is not readable yet (read concern lagging the write): wait a little
            pause();
            return;
        }
        aggregates.apply(newer);
        head = LogHead.of(newer.get(newer.size() - 1));
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while waiting for another writer's commit", e);
        }
    }
}
