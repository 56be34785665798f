package org.ewn.store;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit: one thread takes the appends queued while the previous commit was in flight and writes them as one
 * commit, so concurrent commands share a round trip. Its callers wait for the commit insert only; indexing and the
 * watermark are the {@link IndexWriter}'s. Closing lets it finish what was queued before the close.
 */
final class Committer implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(Committer.class);
    /** Keeps a commit well under MongoDB's 16 MiB document limit; an append larger than this is committed alone. */
    private static final int MAX_COMMIT_BYTES = 4 * 1024 * 1024;
    private static final PendingAppend STOP = new PendingAppend(List.of());

    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final LogWriter writer;
    private final int maxEventsPerCommit;
    private final Thread thread;
    private boolean closed;

    Committer(LogWriter writer, int maxEventsPerCommit) {
        this.writer = writer;
        this.maxEventsPerCommit = maxEventsPerCommit;
        this.thread = new Thread(this::run, "ewn-log-committer");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<Void> append(List<SerializedEvent> events) {
        PendingAppend append = new PendingAppend(events);
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new EventStoreException("The event storage engine is closed"));
            }
            queue.add(append);
        }
        return append.result();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        for (List<PendingAppend> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
            try {
                writer.commit(batch);
            } catch (Throwable e) {
                // nothing may leave a caller waiting forever
                logger.error("Committer failed", e);
                EventStoreException failure = new EventStoreException("Committer failed: " + e.getMessage(), e);
                batch.forEach(append -> append.result().completeExceptionally(failure));
            }
        }
    }

    /** The next appends to commit together, or none once closed. */
    private List<PendingAppend> nextBatch() {
        PendingAppend first = take();
        if (first == STOP) {
            return List.of();
        }
        List<PendingAppend> batch = new ArrayList<>();
        batch.add(first);
        int events = first.events().size();
        int bytes = first.size();
        for (PendingAppend next = queue.peek(); next != null && next != STOP; next = queue.peek()) {
            if (events + next.events().size() > maxEventsPerCommit || bytes + next.size() > MAX_COMMIT_BYTES) {
                break;
            }
            queue.poll();
            batch.add(next);
            events += next.events().size();
            bytes += next.size();
        }
        return batch;
    }

    private PendingAppend take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // only close() may stop this thread, so that no queued append is abandoned
                logger.debug("Ignoring interrupt of the committer thread");
            }
        }
    }
}
