package org.ewn.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One {@code appendEvents} call waiting for the committer: all of its events are stored, or none. */
record PendingAppend(List<SerializedEvent> events, CompletableFuture<Void> result) {

    PendingAppend(List<SerializedEvent> events) {
        this(List.copyOf(events), new CompletableFuture<>());
    }

    int size() {
        return events.stream().mapToInt(SerializedEvent::size).sum();
    }
}
