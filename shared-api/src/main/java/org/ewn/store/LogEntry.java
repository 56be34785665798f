package org.ewn.store;

import java.time.Instant;

/**
 * An event exactly as the log stores and hashes it, for those who verify the log outside the store: the audit stream
 * carries these fields, and {@link #computeHash(byte[])} recomputes the chain link from them as {@link EventHash}
 * defines it. A {@code null} aggregate id marks an event that no aggregate published.
 */
public record LogEntry(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequence,
                       Instant timestamp, String payloadType, String payloadRevision, byte[] payload,
                       byte[] metadata, byte[] previousHash, byte[] hash) {

    /** The hash of the first event's predecessor: 32 zero bytes. */
    public static byte[] genesis() {
        return EventHash.GENESIS.clone();
    }

    /** {@code SHA-256(previousHash || storedBytes)} over this entry's fields, whatever its own {@code hash} says. */
    public byte[] computeHash(byte[] previousHash) {
        return EventHash.next(previousHash, globalIndex, event());
    }

    static LogEntry of(StoredEvent stored) {
        SerializedEvent event = stored.event();
        return new LogEntry(stored.index(), event.eventId(), event.aggregateType(), event.aggregateId(),
                            event.sequenceNumber(), event.timestamp(), event.payloadType(), event.payloadRevision(),
                            event.payload(), event.metadata(), stored.prevHash(), stored.hash());
    }

    private SerializedEvent event() {
        return new SerializedEvent(eventId, aggregateType, aggregateId, sequence, timestamp, payloadType,
                                   payloadRevision, payload, metadata);
    }
}
