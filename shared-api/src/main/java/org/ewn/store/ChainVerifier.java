package org.ewn.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * Walks the event log from global index 0 and checks that the indexes run without a gap and that every event's
 * {@code prevHash} and {@code hash} are right (see {@link EventHash} for the encoding), stopping at the first break.
 * <p>
 * The chain makes any change or removal inside the log evident, but not the loss of its tail, nor a log rewritten
 * from some point on with freshly computed hashes: compare {@link Result#headHash()} with a head that was published
 * or signed earlier for that.
 */
public final class ChainVerifier {

    private static final int COMMITS_PER_FETCH = 64;

    private final MongoCollection<Document> commitCollection;

    public ChainVerifier(MongoDatabase database) {
        this.commitCollection = database.getCollection(LogStorageEngine.COMMITS);
    }

    /** Checks the whole log. */
    public Result verify() {
        Walk walk = new Walk();
        long nextCommit = 0;
        for (List<Document> batch = fetch(nextCommit); !batch.isEmpty(); batch = fetch(nextCommit)) {
            for (Document commit : batch) {
                Optional<Break> broken = walk.check(commit);
                if (broken.isPresent()) {
                    return walk.result(broken);
                }
                nextCommit++;
            }
        }
        return walk.result(orphansAfter(nextCommit, walk.expectedIndex));
    }

    private List<Document> fetch(long from) {
        // raw documents, so that a damaged event is reported rather than failing to parse the whole batch
        List<Long> numbers = LongStream.range(from, from + COMMITS_PER_FETCH).boxed().toList();
        // two at a time: a commit may come near 16 MB, and the driver takes no reply over 48 MB
        List<Document> found = commitCollection.find(Filters.in("_id", numbers)).batchSize(2).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(document -> ((Number) document.get("_id")).longValue()));
        List<Document> contiguous = new ArrayList<>();
        for (Document document : found) {
            if (((Number) document.get("_id")).longValue() != from + contiguous.size()) {
                break;
            }
            contiguous.add(document);
        }
        return contiguous;
    }

    /** A commit missing while later ones exist means events were removed. This one query scans; it runs once. */
    private Optional<Break> orphansAfter(long missingCommit, long expectedIndex) {
        Document later = commitCollection.find(Filters.gt("_id", missingCommit))
                                         .projection(Projections.include("_id")).first();
        return Optional.ofNullable(later).map(found -> new Break(expectedIndex, Problem.MISSING_INDEX,
                "commit " + missingCommit + " is missing but commit " + found.get("_id") + " exists"));
    }

    private final class Walk {

        private long expectedIndex;
        private byte[] prevHash = EventHash.GENESIS;

        Optional<Break> check(Document commit) {
            long first;
            List<Document> events;
            try {
                first = commit.getLong("first");
                events = commit.getList("events", Document.class);
            } catch (RuntimeException e) {
                return Optional.of(new Break(expectedIndex, Problem.MALFORMED_EVENT,
                                             "commit " + commit.get("_id") + " cannot be read: " + e));
            }
            if (first != expectedIndex) {
                return Optional.of(indexBreak(first, "commit " + commit.get("_id") + " starts at index " + first));
            }
            for (Document document : events) {
                StoredEvent stored;
                try {
                    stored = StoredEvent.from(document);
                } catch (RuntimeException e) {
                    return Optional.of(new Break(expectedIndex, Problem.MALFORMED_EVENT, e.toString()));
                }
                Optional<Break> broken = check(stored);
                if (broken.isPresent()) {
                    return broken;
                }
            }
            if (!Integer.valueOf(events.size()).equals(commit.get("count"))) {
                // readers find the head through this count, so it must agree with the events
                return Optional.of(new Break(expectedIndex, Problem.MALFORMED_EVENT, "commit " + commit.get("_id")
                        + " has count " + commit.get("count") + " but " + events.size() + " events"));
            }
            return Optional.empty();
        }

        private Optional<Break> check(StoredEvent stored) {
            if (stored.index() != expectedIndex) {
                return Optional.of(indexBreak(stored.index(), "found index " + stored.index()));
            }
            if (!Arrays.equals(stored.prevHash(), prevHash)) {
                return Optional.of(new Break(expectedIndex, Problem.PREV_HASH_MISMATCH,
                        "prevHash " + hex(stored.prevHash()) + " but the previous hash is " + hex(prevHash)));
            }
            byte[] computed = EventHash.next(prevHash, stored.index(), stored.event());
            if (!Arrays.equals(stored.hash(), computed)) {
                return Optional.of(new Break(expectedIndex, Problem.HASH_MISMATCH,
                        "stored hash " + hex(stored.hash()) + " but the stored fields hash to " + hex(computed)));
            }
            prevHash = stored.hash();
            expectedIndex++;
            return Optional.empty();
        }

        private Break indexBreak(long found, String detail) {
            return new Break(expectedIndex, found > expectedIndex ? Problem.MISSING_INDEX : Problem.INDEX_OUT_OF_ORDER,
                             detail + ", expected " + expectedIndex);
        }

        Result result(Optional<Break> firstBreak) {
            return new Result(expectedIndex, expectedIndex == 0 ? null : hex(prevHash), firstBreak);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * @param eventsVerified events from index 0 whose chain checked out
     * @param headHash       hex SHA-256 of the last of those, {@code null} if none
     * @param firstBreak     where and why the chain breaks, if it does
     */
    public record Result(long eventsVerified, String headHash, Optional<Break> firstBreak) {

        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    /** @param index the global index at which the chain breaks: the first one missing, wrong or unreadable */
    public record Break(long index, Problem problem, String detail) {
    }

    public enum Problem {
        /** An index (or a whole commit) between 0 and the head is absent. */
        MISSING_INDEX,
        /** An index appears again or out of order. */
        INDEX_OUT_OF_ORDER,
        /** The event's {@code prevHash} is not the previous event's hash. */
        PREV_HASH_MISMATCH,
        /** The event's stored fields do not hash to its {@code hash}: something was changed. */
        HASH_MISMATCH,
        /** The event or commit lacks a field or has one of the wrong type. */
        MALFORMED_EVENT
    }
}
