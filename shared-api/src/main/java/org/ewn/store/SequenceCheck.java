package org.ewn.store;

import org.axonframework.modelling.command.ConcurrencyException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** Where the stored last sequence numbers come from: the aggregates named that have none are left out. */
    @FunctionalInterface
    interface LastSequences {
        Map<String, Long> of(Set<String> aggregateIds);
    }

    private SequenceCheck() {
    }

    /** The appends that may go into the next commit, and the others with the reason each cannot. */
    record Outcome(List<PendingAppend> valid, Map<PendingAppend, String> conflicts) {

        /** Fails each conflicting append with a ConcurrencyException and returns the valid ones. */
        List<PendingAppend> rejectConflicts() {
            conflicts.forEach((append, conflict) -> append.result()
                                                          .completeExceptionally(new ConcurrencyException(conflict)));
            return valid;
        }
    }

    /** The appends that may go into the next commit; each of the others is failed with a ConcurrencyException. */
    static List<PendingAppend> keepValid(List<PendingAppend> appends, LastSequences stored) {
        return check(appends, stored).rejectConflicts();
    }

    /** Sorts the appends as {@link #keepValid} does, completing none of them. */
    static Outcome check(List<PendingAppend> appends, LastSequences stored) {
        Set<String> aggregateIds = appends.stream()
                                          .flatMap(append -> append.events().stream())
                                          .filter(SerializedEvent::hasAggregate)
                                          .map(SerializedEvent::aggregateId)
                                          .collect(Collectors.toSet());
        Map<String, Long> lastSequences = new HashMap<>(stored.of(aggregateIds));
        List<PendingAppend> valid = new ArrayList<>(appends.size());
        Map<PendingAppend, String> conflicts = new LinkedHashMap<>();
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
                conflicts.put(append, conflict);
            }
        }
        return new Outcome(valid, conflicts);
    }

    private static String describe(SerializedEvent event, long last) {
        if (event.sequenceNumber() == 0) {
            return "Aggregate [" + event.aggregateId() + "] already exists; its last sequence number is " + last;
        }
        return "An event for aggregate [" + event.aggregateId() + "] at sequence [" + event.sequenceNumber()
               + "] does not follow the stored last sequence number [" + last + "]";
    }
}
