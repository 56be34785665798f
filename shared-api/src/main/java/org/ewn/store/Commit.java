package org.ewn.store;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One document of the log: the events of one or more {@code appendEvents} calls, written in a single insert. Commit
 * numbers and global indexes are both contiguous, so commit {@code n + 1} starts where commit {@code n} ends.
 * <p>
 * {@code maxTimestamp} is the latest event timestamp in this commit <em>and all before it</em>; that running maximum
 * never decreases along the log, which lets {@code createTokenAt} binary-search it although event timestamps
 * themselves are not ordered.
 */
record Commit(long number, long first, Instant maxTimestamp, List<StoredEvent> events) {

    /** Places {@code appends}' events after {@code head}, in call order. */
    static Commit after(LogHead head, List<PendingAppend> appends) {
        List<StoredEvent> events = new ArrayList<>();
        long index = head.lastIndex();
        byte[] prevHash = head.lastHash();
        Instant maxTimestamp = head.maxTimestamp();
        for (PendingAppend append : appends) {
            for (SerializedEvent event : append.events()) {
                StoredEvent stored = StoredEvent.chain(++index, event, prevHash);
                events.add(stored);
                prevHash = stored.hash();
                if (maxTimestamp == null || event.timestamp().isAfter(maxTimestamp)) {
                    maxTimestamp = event.timestamp();
                }
            }
        }
        return new Commit(head.commit() + 1, head.lastIndex() + 1, maxTimestamp, events);
    }

    StoredEvent last() {
        return events.get(events.size() - 1);
    }

    Document toDocument() {
        return new Document("_id", number)
                .append("first", first)
                .append("count", events.size())
                .append("maxTimestamp", maxTimestamp.toString())
                .append("events", events.stream().map(StoredEvent::toDocument).toList());
    }

    static Commit from(Document document) {
        return new Commit(document.getLong("_id"),
                          document.getLong("first"),
                          Instant.parse(document.getString("maxTimestamp")),
                          document.getList("events", Document.class).stream().map(StoredEvent::from).toList());
    }
}
