package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon event storage engine on the MongoDB driver: a gap-free global index, per-aggregate optimistic concurrency,
 * a SHA-256 hash chain over the global order, safe with several writer processes, and group commit.
 * <p>
 * Collections, all addressed by {@code _id} only:
 * <ul>
 * <li>{@value #COMMITS}: {@code {_id: commit number 0,1,2..., first: global index of its first event, count,
 * maxTimestamp, events: [{index, eventId, aggType?, aggId?, seq?, timestamp, payloadType, payloadRevision, payload,
 * metadata, prevHash, hash}]}} — the log itself; see {@link EventHash} for what {@code hash} covers;</li>
 * <li>{@value #AGGREGATES}: {@code {_id: aggregate id, lastSeq, commits: [{c: commit number, s: first sequence number
 * in it}]}} — derived from the log, see {@link AggregateIndex};</li>
 * <li>{@value #SNAPSHOTS}: {@code {_id: aggregate id, ...the event fields}} — the latest snapshot;</li>
 * <li>{@value #META}: {@code {_id: "aggregates-indexed-through", commit}}.</li>
 * </ul>
 * The write path, on two threads:
 * <ol>
 * <li>the committer thread ({@link Committer}, {@link LogWriter}) takes the queued appends, checks their sequence
 * numbers, mostly from memory ({@link RecentSequences}), and inserts them as one commit at the head; the insert is
 * the only round trip an append waits for. It then puts the commit's index update in the {@link PendingIndex},
 * queues it for the index writer and completes the appends;</li>
 * <li>the index writer thread ({@link IndexWriter}) merges the updates queued meanwhile into one bulk upsert per
 * batch, one per aggregate, then drops them from the pending view and, every 64 commits or when idle, advances the
 * watermark to what it has applied.</li>
 * </ol>
 * Aggregate loads, {@link #lastSequenceNumberFor} and sequence checks read the pending view before the persisted
 * index, so this process always sees its own commits; another process sees them once indexed, a few milliseconds
 * later, and an append it bases on the older state fails with a {@link ConcurrencyException}. Start-up re-indexes
 * everything after the watermark, so a crash between insert and index loses nothing.
 * <p>
 * Write and read concerns are those of the {@link MongoDatabase} given. {@link #close()} stops both threads.
 */
public final class LogStorageEngine extends AbstractEventStorageEngine implements AutoCloseable {

    public static final String COMMITS = "event_commits";
    public static final String AGGREGATES = "event_aggregates";
    public static final String SNAPSHOTS = "event_snapshots";
    public static final String META = "event_meta";

    private static final Logger logger = LoggerFactory.getLogger(LogStorageEngine.class);

    private final CommitLog log;
    private final AggregateView aggregates;
    private final AggregateReader aggregateReader;
    private final SnapshotStore snapshots;
    private final IndexWriter indexWriter;
    private final LogWriter writer;
    private final Committer committer;

    private LogStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.log = new CommitLog(database.getCollection(COMMITS), builder.recentCommits,
                                 CommitLog.RecentCommits.MAX_BYTES);
        AggregateIndex index = new AggregateIndex(database.getCollection(AGGREGATES), database.getCollection(META));
        PendingIndex pending = new PendingIndex();
        this.aggregates = new AggregateView(pending, index);
        this.aggregateReader = new AggregateReader(log, aggregates);
        this.snapshots = new SnapshotStore(database.getCollection(SNAPSHOTS));
        this.indexWriter = new IndexWriter(index, pending);
        this.writer = new LogWriter(log, index, aggregates, indexWriter);
        try {
            // at start-up, so that aggregate loads see what a crashed writer committed but did not index
            writer.sync();
        } catch (RuntimeException e) {
            logger.warn("Could not read the event log at start-up; will retry on the first append", e);
        }
        this.committer = new Committer(writer, builder.maxEventsPerCommit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Blocks until the events are committed, sharing the commit with concurrent calls.
     *
     * @throws ConcurrencyException if an aggregate's event does not directly follow its last stored one; then none of
     *                              {@code events} is stored
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<SerializedEvent> serialized = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            serialized.add(SerializedEvent.of(event, serializer));
        }
        append(serialized);
    }

    /** Appends events already in their stored form; separate so that tests can store what no serializer writes. */
    void append(List<SerializedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            committer.append(events).join();
        } catch (CompletionException e) {
            // new exceptions, so that the trace shows this caller and not only the committer thread
            if (e.getCause() instanceof ConcurrencyException conflict) {
                throw new ConcurrencyException(conflict.getMessage(), conflict);
            }
            throw new EventStoreException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshots.store(SerializedEvent.of(snapshot, serializer));
    }

    /** A non-blocking stream, whatever {@code mayBlock} says: it ends at the current end of the log. */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return StreamSupport.stream(new TrackedEventSpliterator(log, indexOf(trackingToken)), false);
    }

    /** Includes this process's commits not yet in the persisted index; another process's once they are. */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateId, long firstSequenceNumber) {
        return aggregateReader.read(aggregateId, firstSequenceNumber);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        return snapshots.read(aggregateId).map(snapshot -> new DomainEventRecord(null, snapshot)).stream();
    }

    /** Includes this process's commits not yet in the persisted index; another process's once they are. */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateId) {
        return aggregates.lastSequence(aggregateId);
    }

    /**
     * Where an aggregate's event lies in the log: its global index and its link in the hash chain, which the hub puts
     * into the receipt of the submission that caused it. Sees this process's commits at once, like a load.
     */
    public Optional<LoggedEvent> locate(String aggregateId, long sequenceNumber) {
        return aggregates.commitsFrom(aggregateId, sequenceNumber).stream().findFirst()
                         .flatMap(log::read)
                         .flatMap(commit -> commit.events().stream()
                                                  .filter(stored -> aggregateId.equals(stored.event().aggregateId())
                                                                    && stored.event().sequenceNumber() == sequenceNumber)
                                                  .findFirst())
                         .map(stored -> new LoggedEvent(stored.index(), stored.hash()));
    }

    /**
     * The places and chain hashes of the events from global index {@code from} on, in order: {@code max} of them or,
     * at the end of the log, fewer. The transparency log's leaves are these hashes. Reads whole commits by {@code _id}.
     */
    public List<LoggedEvent> hashesFrom(long from, int max) {
        List<LoggedEvent> hashes = new ArrayList<>(Math.min(max, 4096));
        long next = log.locate(from);
        while (hashes.size() < max) {
            List<Commit> commits = log.readFrom(next, 64);
            for (Commit commit : commits) {
                for (StoredEvent stored : commit.events()) {
                    if (stored.index() >= from + hashes.size() && hashes.size() < max) {
                        hashes.add(new LoggedEvent(stored.index(), stored.hash()));
                    }
                }
            }
            if (commits.isEmpty()) {
                break;
            }
            next += commits.size();
        }
        return hashes;
    }

    /**
     * The events from global index {@code from} on, exactly as stored and hashed, in the order they are stored:
     * {@code max} of them or, at the end of the log, fewer. The audit stream reads the log through this, whole commits
     * by {@code _id}. It shows the log as it is, for the verifier to judge: an event stored out of its place is served
     * where it lies, and a missing commit is stepped over if a later one exists (see {@link CommitLog#readPast}).
     */
    public List<LogEntry> entriesFrom(long from, int max) {
        List<LogEntry> entries = new ArrayList<>(Math.min(max, 4096));
        long next = log.locate(from);
        while (entries.size() < max) {
            List<Commit> commits = log.readPast(next, 16);
            for (Commit commit : commits) {
                for (StoredEvent stored : commit.events()) {
                    if (stored.index() >= from && entries.size() < max) {
                        entries.add(LogEntry.of(stored));
                    }
                }
            }
            if (commits.isEmpty()) {
                break;
            }
            next = commits.get(commits.size() - 1).number() + 1;
        }
        return entries;
    }

    /** {@code null} for an empty log, else the token before index 0, as Axon's JDBC and in-memory engines do. */
    @Override
    public TrackingToken createTailToken() {
        return log.findHead() < 0 ? null : new GlobalSequenceTrackingToken(-1);
    }

    /** The token of the last event, or {@code null} for an empty log. */
    @Override
    public TrackingToken createHeadToken() {
        long last = log.lastIndex();
        return last < 0 ? null : new GlobalSequenceTrackingToken(last);
    }

    /**
     * The token just before the first event (in global order) stamped at or after {@code dateTime}, so that a stream
     * opened with it starts at that event; the head token if there is none. Logarithmic in the number of commits.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long index = log.firstIndexAtOrAfter(dateTime);
        return index < 0 ? createHeadToken() : new GlobalSequenceTrackingToken(index - 1);
    }

    /** Commit documents this engine inserted. */
    public long commitsWritten() {
        return writer.commitsWritten();
    }

    /** {@code appendEvents} calls this engine committed; more than {@link #commitsWritten()} when grouped. */
    public long appendCallsCommitted() {
        return writer.appendsCommitted();
    }

    /** Events this engine committed. */
    public long eventsCommitted() {
        return writer.eventsCommitted();
    }

    /** How often another writer (another process on the same store) took the commit number this engine tried. */
    long headsLost() {
        return writer.headsLost();
    }

    /**
     * Commits what was appended before the call and stops the committer thread, then indexes what it committed,
     * records the watermark and stops the index writer thread. Idempotent.
     */
    @Override
    public void close() {
        committer.close();
        indexWriter.close();
    }

    /** For tests: the thread that applies commits to the persisted aggregate index. */
    IndexWriter indexWriter() {
        return indexWriter;
    }

    private static long indexOf(TrackingToken token) {
        TrackingToken position = WrappedToken.unwrapLowerBound(token);
        if (position == null) {
            return -1;
        }
        if (position instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        throw new IllegalArgumentException("Expected a GlobalSequenceTrackingToken, got " + position);
    }

    /**
     * Builds a {@link LogStorageEngine}. The {@link MongoDatabase} is required; serializers default as in Axon (to
     * XStream, which wants an explicit security configuration, so set them).
     */
    public static final class Builder extends AbstractEventStorageEngine.Builder {

        private MongoDatabase database;
        private int maxEventsPerCommit = 1000;
        private int recentCommits = CommitLog.RecentCommits.CAPACITY;

        private Builder() {
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** Bounds how many events one commit document holds; a single larger append is still committed whole. */
        public Builder maxEventsPerCommit(int maxEventsPerCommit) {
            if (maxEventsPerCommit < 1) {
                throw new AxonConfigurationException("maxEventsPerCommit must be at least 1");
            }
            this.maxEventsPerCommit = maxEventsPerCommit;
            return this;
        }

        /**
         * How many of the commits last written or read to keep in memory for readers following the log, receipts and
         * loads (1,024 by default, within 32 MB of events); 0 reads every commit from the store.
         */
        public Builder recentCommits(int recentCommits) {
            if (recentCommits < 0) {
                throw new AxonConfigurationException("recentCommits must not be negative");
            }
            this.recentCommits = recentCommits;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        public LogStorageEngine build() {
            return new LogStorageEngine(this);
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The MongoDatabase is required");
            }
        }
    }
}
