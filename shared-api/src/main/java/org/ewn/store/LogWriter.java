package org.ewn.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends commits at the head of the log. The unique {@code _id} of the commit documents is the only serialization
 * point between writers, in this process or any other: a writer that knows head {@code H} inserts commit
 * {@code H + 1}; if that number is taken, another writer got there first, so it reads the new commits, checks its
 * appends again and retries. Because an insert at {@code H + 1} succeeds only if nothing followed {@code H}, checking
 * sequence numbers against what is known of the log through {@code H} is exact.
 * <p>
 * Known through {@code H}: every commit this writer inserts or catches up on after start-up goes to the
 * {@link RecentSequences} it checks first, and to the {@link IndexWriter}, which indexes it later; start-up (and
 * recovery after a store failure) indexes everything up to {@code H} before going on. So a sequence check costs no
 * round trip for the aggregates of recent commits; for the others it reads the {@link AggregateView}, which is
 * complete for them because {@link RecentSequences} forgets an aggregate only once its commit is indexed.
 * <p>
 * Used by the committer thread only.
 */
final class LogWriter {

    private static final Logger logger = LoggerFactory.getLogger(LogWriter.class);
    private static final int CATCH_UP_BATCH = 32;
    private static final int MAX_ATTEMPTS = 1000;
    private static final int RECENT_AGGREGATES = 50_000;

    private final CommitLog log;
    private final AggregateIndex aggregates;
    private final AggregateView view;
    private final IndexWriter indexWriter;
    private final RecentSequences recent = new RecentSequences(RECENT_AGGREGATES);
    private final AtomicLong commitsWritten = new AtomicLong();
    private final AtomicLong appendsCommitted = new AtomicLong();
    private final AtomicLong eventsCommitted = new AtomicLong();
    private final AtomicLong headsLost = new AtomicLong();
    private LogHead head;

    LogWriter(CommitLog log, AggregateIndex aggregates, AggregateView view, IndexWriter indexWriter) {
        this.log = log;
        this.aggregates = aggregates;
        this.view = view;
        this.indexWriter = indexWriter;
    }

    /**
     * Finds the head and completes the persisted aggregate index through it, here and now, repairing what a crashed
     * writer left undone; then every aggregate not in {@link RecentSequences} is one the persisted index knows fully.
     */
    void sync() {
        head = null;
        long watermark = aggregates.watermark();
        long last = endOfLog();
        LogHead found = LogHead.EMPTY;
        for (long next = watermark + 1; next <= last; next = found.commit() + 1) {
            // past missing commits too, to the end found: a head short of it would have the writer fill the hole
            List<Commit> commits = log.readPast(next, (int) Math.min(CATCH_UP_BATCH, last - next + 1));
            if (commits.isEmpty()) {
                throw new IllegalStateException("Commit " + next + " is missing below head commit " + last);
            }
            aggregates.apply(commits.stream().map(IndexUpdate::of).toList());
            found = LogHead.of(commits.get(commits.size() - 1));
        }
        if (found == LogHead.EMPTY && last >= 0) {
            found = LogHead.of(log.read(last).orElseThrow());
        }
        if (found.commit() > watermark) {
            aggregates.advanceWatermark(found.commit());
        }
        recent.clear();
        head = found;
    }

    /**
     * The last commit. The head search takes the first missing number for the end of the log, so if a commit was
     * removed where it probes, it stops short of the end; appending there would fill the hole with a new event under
     * the removed one's indexes, which readers have passed, and overwrite the evidence. So it looks beyond.
     */
    private long endOfLog() {
        long last = log.findHead();
        for (List<Commit> beyond = log.readPast(last + 1, CATCH_UP_BATCH); !beyond.isEmpty();
             beyond = log.readPast(last + 1, CATCH_UP_BATCH)) {
            if (beyond.get(0).number() > last + 1) {
                logger.error("Commits {} to {} of the event log are missing but commit {} exists: the log was damaged "
                             + "or tampered with; ewn audit verify names the events", last + 1,
                             beyond.get(0).number() - 1, beyond.get(0).number());
            }
            last = log.findHead();
        }
        return last;
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
                if (attempt > MAX_ATTEMPTS) {
                    throw new ConcurrencyException("Gave up appending after losing the log head " + MAX_ATTEMPTS
                                                   + " times to other writers");
                }
                SequenceCheck.Outcome checked = SequenceCheck.check(open, this::lastSequences);
                // the caller may know of newer commits than this writer's head (from the persisted index); a
                // conflict is final only against the log's current end, so look for commits after the head first
                if (!checked.conflicts().isEmpty() && readNewer()) {
                    continue;
                }
                open = checked.rejectConflicts();
                if (open.isEmpty()) {
                    return;
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

    /** Remembered where possible, else read: exact through the head either way (see the class comment). */
    private Map<String, Long> lastSequences(Set<String> aggregateIds) {
        Map<String, Long> found = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String aggregateId : aggregateIds) {
            Long last = recent.lastSequence(aggregateId);
            if (last == null) {
                unknown.add(aggregateId);
            } else {
                found.put(aggregateId, last);
            }
        }
        if (!unknown.isEmpty()) {
            found.putAll(view.lastSequences(unknown));
        }
        return found;
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
        learnt(commit);
        // the commit is stored and in the pending view: the callers may read it, and indexing it is not their wait
        appends.forEach(append -> append.result().complete(null));
    }

    /** After losing the head: reads the commits other writers added after it. */
    private void catchUp() {
        if (!readNewer()) {
            // the number is taken but the commit is not readable yet (read concern lagging the write): wait a little
            pause();
        }
    }

    /** Reads the commits other writers added after our head, if any, and learns them as if written here. */
    private boolean readNewer() {
        List<Commit> newer = new ArrayList<>();
        List<Commit> batch;
        do {
            batch = log.readFrom(head.commit() + newer.size() + 1, CATCH_UP_BATCH);
            newer.addAll(batch);
        } while (batch.size() == CATCH_UP_BATCH);
        if (newer.isEmpty()) {
            return false;
        }
        newer.forEach(this::learnt);
        head = LogHead.of(newer.get(newer.size() - 1));
        return true;
    }

    /**
     * Hands a commit that directly follows the last one learnt to the index writer, pending view first, and
     * remembers its sequence numbers; in that order, so that whatever is remembered is also in the pending view.
     */
    private void learnt(Commit commit) {
        IndexUpdate update = IndexUpdate.of(commit);
        indexWriter.submit(update);
        recent.record(update);
        recent.evictIndexed(indexWriter.indexedThrough());
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
