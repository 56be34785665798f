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

    CommitLog(MongoCollection<Document> commits) {
        this.commits = commits;
    }

    void insert(Commit commit) {
        commits.insertOne(commit.toDocument());
        remember(commit);
    }

    Optional<Commit> read(long number) {
        Document document = commits.find(Filters.eq("_id", number)).first();
        if (document == null) {
            return Optional.empty();
        }
        Commit commit = Commit.from(document);
        remember(commit);
        return Optional.of(commit);
    }

    /** Up to {@code count} commits from {@code from} on, stopping before the first one that does not exist yet. */
    List<Commit> readFrom(long from, int count) {
        List<Commit> found = readAll(LongStream.range(from, from + count).boxed().toList());
        List<Commit> contiguous = new ArrayList<>(found.size());
        for (Commit commit : found) {
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
        List<Commit> found = readAll(LongStream.range(from, from + count).boxed().toList());
        if (found.isEmpty() || found.get(found.size() - 1).number() - from + 1 == found.size()) {
            return found;
        }
        long last = found.get(found.size() - 1).number();
        List<Long> missing = LongStream.range(from, last)
                                       .filter(number -> found.stream().noneMatch(commit -> commit.number() == number))
                                       .boxed().toList();
        List<Commit> all = new ArrayList<>(found);
        all.addAll(readAll(missing));
        all.sort(Comparator.comparingLong(Commit::number));
        return all;
    }

    /** The commits with the given numbers that exist, in commit order. */
    List<Commit> readAll(Collection<Long> numbers) {
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
}
