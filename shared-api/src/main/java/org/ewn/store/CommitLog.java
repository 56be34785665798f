package org.ewn.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;

/**
 * The commits collection, touched only through {@code _id} equality and {@code _id $in}: those are the only lookups
 * that stay fast on mongo-java-server (it ignores secondary indexes and scans for {@code _id} ranges), and they are
 * index-backed on MongoDB too. Positions are found by galloping and binary search over commit numbers, which works
 * because the numbers are contiguous and nothing in a commit ever changes.
 * <p>
 * Because nothing in a commit changes, the commits this process wrote or read last are kept in memory
 * ({@link RecentCommits}) and served from there to those who follow the log and to receipts, which mostly want the
 * commit just written. The audit's reads ({@link #readPast}) always go to the store, so that they show the log as
 * it is stored, even if it was altered behind this process's back.
 */
final class CommitLog {

    private static final Bson HEADER = Projections.include("first", "count", "maxTimestamp");
    /**
     * A commit may come near the 16 MB a document can hold; the embedded server sends a whole batch in one reply, and
     * the driver takes no reply over 48 MB, so a read asks for two commits at a time.
     */
    private static final int COMMITS_PER_REPLY = 2;

    private final MongoCollection<Document> commits;
    private final PositionCache positions = new PositionCache();
    private final AtomicLong knownHead = new AtomicLong(-1);
    private final RecentCommits recent;

    CommitLog(MongoCollection<Document> commits) {
        this(commits, RecentCommits.CAPACITY, RecentCommits.MAX_BYTES);
    }

    /** For tests: how many recent commits, and how many bytes of their events, to keep in memory. */
    CommitLog(MongoCollection<Document> commits, int recentCommits, long recentBytes) {
        this.commits = commits;
        this.recent = new RecentCommits(recentCommits, recentBytes);
    }

    void insert(Commit commit) {
        commits.insertOne(commit.toDocument());
        remember(commit);
        recent.inserted(commit, System.nanoTime());
    }

    Optional<Commit> read(long number) {
        Commit cached = recent.get(number);
        if (cached != null) {
            return Optional.of(cached);
        }
        Document document = commits.find(Filters.eq("_id", number)).first();
        if (document == null) {
            return Optional.empty();
        }
        Commit commit = Commit.from(document);
        remember(commit);
        recent.put(commit);
        return Optional.of(commit);
    }

    /** Up to {@code count} commits from {@code from} on, stopping before the first one that does not exist yet. */
    List<Commit> readFrom(long from, int count) {
        return readFrom(from, count, false);
    }

    /**
     * Like {@link #readFrom(long, int)} for a reader following the end of the log: when it asks for the commit after
     * the one this process has just inserted, it gets none without a round trip, as that commit did not exist at
     * the insert, a moment ago ({@link RecentCommits#FRESH_NANOS}). It asks again when it next polls, so a commit of
     * another process is seen as soon as if it had come just after a look at the store.
     */
    List<Commit> readTail(long from, int count) {
        return readFrom(from, count, true);
    }

    private List<Commit> readFrom(long from, int count, boolean tail) {
        List<Commit> contiguous = recent.run(from, count);
        long next = from + contiguous.size();
        if (contiguous.size() == count || tail && recent.justInsertedBefore(next, System.nanoTime())) {
            return contiguous;
        }
        for (Commit commit : readAll(LongStream.range(next, from + count).boxed().toList())) {
            if (commit.number() != from + contiguous.size()) {
                break;
            }
            contiguous.add(commit);
        }
        return contiguous;
    }

    /**
     * Up to {@code count} commits from {@code from} on that exist, in order, stepping over any that is missing below
     * a later one: the log as it is stored, damaged or not, for those who audit it. A commit missing from the first
     * read is looked for once more before it is taken for missing, as a writer may have inserted it just before the
     * later one that read saw. A run of missing commits as long as the window looks like the end of the log.
     */
    List<Commit> readPast(long from, int count) {
        List<Commit> found = readStored(LongStream.range(from, from + count).boxed().toList());
        if (found.isEmpty() || found.get(found.size() - 1).number() - from + 1 == found.size()) {
            return found;
        }
        long last = found.get(found.size() - 1).number();
        List<Long> missing = LongStream.range(from, last)
                                       .filter(number -> found.stream().noneMatch(commit -> commit.number() == number))
                                       .boxed().toList();
        List<Commit> all = new ArrayList<>(found);
        all.addAll(readStored(missing));
        all.sort(Comparator.comparingLong(Commit::number));
        return all;
    }

    /** The commits with the given numbers that exist, in commit order; recent ones from memory. */
    List<Commit> readAll(Collection<Long> numbers) {
        List<Commit> found = new ArrayList<>(numbers.size());
        List<Long> missing = new ArrayList<>(numbers.size());
        for (Long number : numbers) {
            Commit cached = recent.get(number);
            if (cached != null) {
                found.add(cached);
            } else {
                missing.add(number);
            }
        }
        if (!missing.isEmpty()) {
            List<Commit> stored = readStored(missing);
            stored.forEach(recent::put);
            found.addAll(stored);
        }
        found.sort(Comparator.comparingLong(Commit::number));
        return found;
    }

    /** The commits with the given numbers that exist, in commit order, as the store holds them now. */
    private List<Commit> readStored(Collection<Long> numbers) {
        List<Commit> found = new ArrayList<>(numbers.size());
        for (Document document : commits.find(Filters.in("_id", numbers)).batchSize(COMMITS_PER_REPLY)) {
            found.add(Commit.from(document));
        }
        found.sort(Comparator.comparingLong(Commit::number));
        found.forEach(this::remember);
        return found;
    }

    /** The number of the last commit, or -1 for an empty log. */
    long findHead() {
        long hint = knownHead.get();
        long from = hint >= 0 && exists(hint) ? hint : -1;
        long head = lastTrue(from, this::exists);
        knownHead.accumulateAndGet(head, Math::max);
        return head;
    }

    /** The global index of the last event, or -1 for an empty log. */
    long lastIndex() {
        long head = findHead();
        return head < 0 ? -1 : readHeader(head, HEADER).map(CommitLog::lastIndexOf).orElse(-1L);
    }

    /**
     * The commit at which to start reading to find global index {@code index}: the one that contains it, or, when
     * the log does not reach that far yet, a commit at or before the one that will.
     */
    long locate(long index) {
        Map.Entry<Long, Long> known = positions.floor(index);
        if (known != null && known.getKey() == index) {
            return known.getValue();
        }
        long from = known == null ? -1 : known.getValue();
        return Math.max(0, lastTrue(from, number -> readHeader(number, HEADER)
                .map(header -> header.getLong("first") <= index).orElse(false)));
    }

    /** The global index of the first event stamped at or after {@code time}, or -1 if there is none. */
    long firstIndexAtOrAfter(Instant time) {
        long before = lastTrue(-1, number -> readHeader(number, HEADER)
                .map(header -> Instant.parse(header.getString("maxTimestamp")).isBefore(time)).orElse(false));
        return read(before + 1).flatMap(commit -> commit.events().stream()
                                                       .filter(event -> !event.event().timestamp().isBefore(time))
                                                       .findFirst())
                               .map(StoredEvent::index).orElse(-1L);
    }

    private boolean exists(long number) {
        return readHeader(number, Projections.include("_id")).isPresent();
    }

    private Optional<Document> readHeader(long number, Bson projection) {
        return Optional.ofNullable(commits.find(Filters.eq("_id", number)).projection(projection).first());
    }

    private void remember(Commit commit) {
        positions.remember(commit.first(), commit.number(), commit.events().size());
        knownHead.accumulateAndGet(commit.number(), Math::max);
    }

    private static long lastIndexOf(Document header) {
        return header.getLong("first") + header.getInteger("count") - 1;
    }

    /**
     * The largest number at or after {@code from} for which {@code test} holds, given that it holds for
     * {@code from} (or {@code from} is -1) and, beyond, holds for a contiguous run and then never again. Costs about
     * twice the logarithm of the distance in probes.
     */
    static long lastTrue(long from, LongPredicate test) {
        long low = from;
        long step = 1;
        long high;
        while (true) {
            long probe = low + step;
            if (!test.test(probe)) {
                high = probe;
                break;
            }
            low = probe;
            step *= 2;
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (test.test(middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Remembers where recently read commits start, and where the commit after each will start, so that a reader
     * reopening a stream at the tail finds its commit without any probe.
     */
    private static final class PositionCache {

        private static final int CAPACITY = 4096;
        private final TreeMap<Long, Long> commitByFirstIndex = new TreeMap<>();

        synchronized void remember(long first, long number, int count) {
            commitByFirstIndex.put(first, number);
            commitByFirstIndex.put(first + count, number + 1);
            while (commitByFirstIndex.size() > CAPACITY) {
                commitByFirstIndex.pollFirstEntry();
            }
        }

        synchronized Map.Entry<Long, Long> floor(long index) {
            return commitByFirstIndex.floorEntry(index);
        }
    }

    /**
     * The last commits this process inserted or read, by number, within a bound on their count and on the bytes of
     * their events' payloads and metadata; the oldest number goes first. A commit larger than the whole bound is not
     * kept. Also knows which commit this process inserted last, and when.
     */
    static final class RecentCommits {

        static final int CAPACITY = 1024;
        static final long MAX_BYTES = 32L << 20;
        /** How long after an insert its successor is taken not to exist without asking the store. */
        static final long FRESH_NANOS = 50_000_000L;

        private final int capacity;
        private final long maxBytes;
        private final TreeMap<Long, Kept> byNumber = new TreeMap<>();
        private long bytes;
        private long lastInserted = -1;
        private long lastInsertedAt;

        RecentCommits(int capacity, long maxBytes) {
            this.capacity = capacity;
            this.maxBytes = maxBytes;
        }

        synchronized void inserted(Commit commit, long nanoTime) {
            put(commit);
            if (commit.number() > lastInserted) {
                lastInserted = commit.number();
                lastInsertedAt = nanoTime;
            }
        }

        synchronized void put(Commit commit) {
            long size = sizeOf(commit);
            if (size > maxBytes || byNumber.containsKey(commit.number())) {
                return;
            }
            byNumber.put(commit.number(), new Kept(commit, size));
            bytes += size;
            while (byNumber.size() > capacity || bytes > maxBytes) {
                bytes -= byNumber.pollFirstEntry().getValue().size();
            }
        }

        synchronized Commit get(long number) {
            Kept kept = byNumber.get(number);
            return kept == null ? null : kept.commit();
        }

        /** Up to {@code count} commits kept from {@code from} on, in order, ending before the first not kept. */
        synchronized List<Commit> run(long from, int count) {
            List<Commit> run = new ArrayList<>();
            for (Commit commit = get(from); commit != null && run.size() < count; commit = get(from + run.size())) {
                run.add(commit);
            }
            return run;
        }

        /** Whether {@code number} follows the commit this process inserted last, within {@link #FRESH_NANOS}. */
        synchronized boolean justInsertedBefore(long number, long nanoTime) {
            return number == lastInserted + 1 && nanoTime - lastInsertedAt < FRESH_NANOS;
        }

        private record Kept(Commit commit, long size) {
        }

        private static long sizeOf(Commit commit) {
            long size = 0;
            for (StoredEvent stored : commit.events()) {
                size += stored.event().size() + 256;
            }
            return size;
        }
    }
}
