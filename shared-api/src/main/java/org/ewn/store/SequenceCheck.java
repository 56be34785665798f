package org.ewn.store;

import org.axonframework.modelling.command.ConcurrencyException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Per-aggregate optimistic concurrency: an aggregate's event must carry the sequence number right after the
 * aggregate's last one. Appends are checked in order, each seeing those accepted before it in the same commit, and
 * an append that fails is dropped whole.
 */
final class SequenceCheck {

    private SequenceCheck() {
    }

    /** The appends that may go into the next commit; each of the others is failed with a ConcurrencyException. */
    static List<PendingAppend> keepValid(List<PendingAppend> appends, AggregateIndex index) {
        Set<String> aggregateIds = appends.stream()
                                          .flatMap(append -> append.events().stream())
                                          .filter(SerializedEvent::hasAggregate)
                                          .map(SerializedEvent::aggregateId)
                                          .collect(Collectors.toSet());
        Map<String, Long> lastSequences = index.lastSequences(aggregateIds);
        List<PendingAppend> valid = new ArrayList<>(appends.size());
        for (PendingAppend append : appends) {
            Map<String, Long> after = new HashMap<>();
            String conflict = null;
            for (SerializedEvent event : append.events()) {
                if (!event.hasAggregate()) {
                    continue;
                }
                long last = after.getOrDefault(event.aggregateId(), lastSequences.getOrDefault(event.aggregateId(), -1L));
                if (event.sequenceNumber() != last + 1) {
                    conflict = describe(event, last);
                    break;
                }
                after.put(event.aggregateId(), event.sequenceNumber());
            }
            if (conflict == null) {
                lastSequences.putAll(after);
                valid.add(append);
            } else {
                append.result().completeExceptionally(new ConcurrencyException(conflict));
            }
        }
        return valid;
    }

    private static String describe(SerializedEvent event, long last) {
        if (event.sequenceNumber() == 0) {
            return "Aggregate [" + event.aggregateId() + "] already exists; its last sequence number is " + last;
        }
        return "An event for aggregate [" + event.aggregateId() + "] at sequence [" + event.sequenceNumber()
               + "] does not follow the stored last sequence number [" + last + "]";
    }
}
