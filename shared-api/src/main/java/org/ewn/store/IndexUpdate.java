package org.ewn.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one commit adds to the aggregate index: for each aggregate with events in it, the first and last of its
 * sequence numbers there. Small, so that commits waiting to be indexed do not keep their payloads in memory.
 */
record IndexUpdate(long commit, Map<String, Range> aggregates) {

    record Range(long first, long last) {
    }

    static IndexUpdate of(Commit commit) {
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (StoredEvent stored : commit.events()) {
            SerializedEvent event = stored.event();
            if (event.hasAggregate()) {
                long sequence = event.sequenceNumber();
                ranges.merge(event.aggregateId(), new Range(sequence, sequence),
                             (known, added) -> new Range(Math.min(known.first, added.first),
                                                         Math.max(known.last, added.last)));
            }
        }
        return new IndexUpdate(commit.number(), Collections.unmodifiableMap(ranges));
    }
}
