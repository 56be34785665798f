package org.ewn.audit;

import org.ewn.store.LoggedEvent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A log of made-up chain hashes that grows when told: the tree cares only about the hashes and their order. */
final class FakeLog implements LeafSource {

    private final List<LoggedEvent> events = new CopyOnWriteArrayList<>();

    void append(int count) {
        for (int i = 0; i < count; i++) {
            long index = events.size();
            events.add(new LoggedEvent(index, sha256(("event " + index).getBytes())));
        }
    }

    byte[] hash(long index) {
        return events.get((int) index).hash();
    }

    @Override
    public List<LoggedEvent> hashesFrom(long from, int max) {
        int size = events.size();
        return from >= size ? List.of() : List.copyOf(events.subList((int) from, (int) Math.min(size, from + max)));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
