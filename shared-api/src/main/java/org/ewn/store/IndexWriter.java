package org.ewn.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Applies commits to the persisted {@link AggregateIndex} on a thread of its own, off the commit path: the committer
 * hands over each commit it wrote or caught up on, in commit order, and returns to its callers at once. All updates
 * waiting here are merged into one bulk write, one upsert per aggregate. Until an update is applied it stays in the
 * {@link PendingIndex}, which is how this process reads its own writes meanwhile.
 * <p>
 * It advances the watermark to what it has applied, never further: after every {@value #COMMITS_PER_CHECKPOINT}
 * commits, and when idle. A failed write is retried until it succeeds or the engine closes; a writer that stops with
 * updates unapplied leaves them to the next start-up's re-indexing from the watermark.
 */
final class IndexWriter implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(IndexWriter.class);
    /** Bounds the memory held if the index cannot be written for long; then the committer waits. */
    private static final int MAX_QUEUED = 100_000;
    private static final int MAX_COMMITS_PER_WRITE = 1_000;
    /** Bounds how many commits a restart re-indexes, while sparing a round trip per busy commit. */
    private static final int COMMITS_PER_CHECKPOINT = 64;
    /**
     * How long the first update of a batch waits for others. An upsert costs the store about what the commit insert
     * does, so merging matters more than a few milliseconds of index lag, which only other processes notice.
     */
    private static final long LINGER_MILLIS = 5;
    private static final long IDLE_MILLIS = 20;
    private static final long MAX_RETRY_PAUSE_MILLIS = 2_000;
    private static final long CHECKPOINT_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final IndexUpdate STOP = new IndexUpdate(Long.MIN_VALUE, Map.of());

    private final AggregateIndex index;
    private final PendingIndex pending;
    private final BlockingQueue<IndexUpdate> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Thread thread;
    /** Every commit up to this one is in the persisted index. */
    private volatile long indexedThrough = -1;
    private volatile long submitted = -1;
    private long checkpointed = -1;
    private long lastCheckpointFailure = System.nanoTime() - CHECKPOINT_RETRY_NANOS;
    private boolean paused;
    private boolean halted;
    private boolean closed;

    IndexWriter(AggregateIndex index, PendingIndex pending) {
        this.index = index;
        this.pending = pending;
        this.thread = new Thread(this::run, "ewn-aggregate-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a commit for indexing; its update is visible in the pending view when this returns. */
    void submit(IndexUpdate update) {
        pending.add(update);
        submitted = update.commit();
        enqueue(update);
    }

    /** The commit through which the persisted index is complete, as far as this writer has applied. */
    long indexedThrough() {
        return indexedThrough;
    }

    /** Applies what is queued, records the watermark and stops. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            paused = false;
            notifyAll();
        }
        enqueue(STOP);
        join();
    }

    /** For tests: holds back every index write until {@link #resume()}. */
    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** For tests: stops at once, applying nothing more, as if the process had died. */
    void halt() {
        synchronized (this) {
            halted = true;
            closed = true;
            notifyAll();
        }
        enqueue(STOP);
        join();
    }

    /** For tests: waits until every commit submitted so far is in the persisted index. */
    void awaitIndexed() throws InterruptedException {
        long target = submitted;
        synchronized (this) {
            while (indexedThrough < target) {
                wait(100);
            }
        }
    }

    private void run() {
        List<IndexUpdate> batch = new ArrayList<>();
        int sinceCheckpoint = 0;
        long retryPause = 10;
        boolean stopping = false;
        while (!stopping || !batch.isEmpty()) {
            if (batch.isEmpty()) {
                IndexUpdate first = poll();
                if (first == null) {
                    checkpoint(false);
                    sinceCheckpoint = 0;
                    continue;
                }
                batch.add(first);
                if (first != STOP) {
                    // let more commits queue up: their updates to the same aggregates merge into one upsert each
                    sleep(LINGER_MILLIS);
                }
            }
            if (!awaitResumed()) {
                return;
            }
            queue.drainTo(batch, MAX_COMMITS_PER_WRITE - batch.size());
            stopping |= batch.remove(STOP);
            if (batch.isEmpty()) {
                continue;
            }
            try {
                index.apply(batch);
            } catch (RuntimeException e) {
                if (stopping) {
                    logger.warn("Closing with {} commits unindexed; the next start-up indexes them", batch.size(), e);
                    break;
                }
                logger.warn("Could not update the aggregate index; retrying in {} ms", retryPause, e);
                sleep(retryPause);
                retryPause = Math.min(2 * retryPause, MAX_RETRY_PAUSE_MILLIS);
                continue;
            }
            retryPause = 10;
            applied(batch);
            sinceCheckpoint += batch.size();
            batch.clear();
            if (sinceCheckpoint >= COMMITS_PER_CHECKPOINT) {
                checkpoint(false);
                sinceCheckpoint = 0;
            }
        }
        checkpoint(true);
    }

    /** Publishes progress before dropping the pending entries, so that no reader finds the commits in neither. */
    private void applied(List<IndexUpdate> batch) {
        long last = batch.get(batch.size() - 1).commit();
        synchronized (this) {
            indexedThrough = Math.max(indexedThrough, last);
            notifyAll();
        }
        pending.remove(batch);
    }

    private void checkpoint(boolean closing) {
        long through = indexedThrough;
        boolean due = closing || System.nanoTime() - lastCheckpointFailure > CHECKPOINT_RETRY_NANOS;
        if (through > checkpointed && due) {
            try {
                index.advanceWatermark(through);
                checkpointed = through;
            } catch (RuntimeException e) {
                // idle checkpoints come every few milliseconds: retry and warn less often than that
                lastCheckpointFailure = System.nanoTime();
                logger.warn("Could not record the aggregate index watermark; a later checkpoint will", e);
            }
        }
    }

    /** Whether to go on: false once halted. */
    private synchronized boolean awaitResumed() {
        while (paused && !halted) {
            try {
                wait();
            } catch (InterruptedException e) {
                logger.debug("Ignoring interrupt of the index writer thread");
            }
        }
        return !halted;
    }

    /** Waits for room rather than fail: the commit is stored, and the watermark must not pass it unindexed. */
    private void enqueue(IndexUpdate update) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(update);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private IndexUpdate poll() {
        try {
            return queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // only close() may stop this thread, so that no commit is left unindexed
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            logger.debug("Ignoring interrupt of the index writer thread");
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
