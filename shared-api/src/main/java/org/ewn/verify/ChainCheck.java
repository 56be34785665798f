package org.ewn.verify;

import org.ewn.store.LogEntry;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Puts the events back into global order and checks each link as {@link LogEntry#computeHash} defines it. An event
 * ahead of its turn waits in a bounded window: if the missing one then arrives, that one is named
 * {@code out-of-order}; if it never does, the missing range is a {@code gap}. After a break the chain goes on from the
 * event's own stored hash, so one changed or missing event is reported once, not at every event after it.
 */
final class ChainCheck {

    private static final int WINDOW = 1024;

    private final TreeMap<Long, LogEntry> early = new TreeMap<>();
    private final Consumer<Failure> failures;
    private final BiConsumer<LogEntry, byte[]> inOrder;
    private long expected;
    private byte[] previous = LogEntry.genesis();
    private long links;
    private long lastIndex = -1;

    /** @param inOrder receives every event once, in global order, with the hash its fields compute to */
    ChainCheck(Consumer<Failure> failures, BiConsumer<LogEntry, byte[]> inOrder) {
        this.failures = failures;
        this.inOrder = inOrder;
    }

    void accept(LogEntry entry) {
        lastIndex = Math.max(lastIndex, entry.globalIndex());
        if (entry.globalIndex() < expected || early.containsKey(entry.globalIndex())) {
            failures.accept(new Failure(entry.globalIndex(), "out-of-order", "index " + entry.globalIndex()
                    + " appears again or after index " + (expected - 1) + " was already passed; not verified"));
            return;
        }
        if (entry.globalIndex() > expected) {
            early.put(entry.globalIndex(), entry);
            if (early.size() > WINDOW) {
                skipGap();
                drain();
            }
            return;
        }
        if (!early.isEmpty()) {
            List<Long> before = early.keySet().stream().limit(3).toList();
            failures.accept(new Failure(expected, "out-of-order", "index " + expected + " comes after index"
                    + (early.size() > 1 ? "es " : " ") + before + (early.size() > 3 ? "…" : "") + " in the log"));
        }
        link(entry);
        drain();
    }

    /** Whatever is still waiting follows a gap. */
    void finish() {
        while (!early.isEmpty()) {
            skipGap();
            drain();
        }
    }

    long links() {
        return links;
    }

    long lastIndex() {
        return lastIndex;
    }

    /** The index the next event should have: one past the last verified. */
    long expected() {
        return expected;
    }

    private void skipGap() {
        long next = early.firstKey();
        failures.accept(new Failure(expected, "gap", next - expected == 1 ? "index " + expected + " is missing"
                : "indexes " + expected + " to " + (next - 1) + " are missing"));
        expected = next;
        previous = null;
    }

    private void drain() {
        while (!early.isEmpty() && early.firstKey() == expected) {
            link(early.pollFirstEntry().getValue());
        }
    }

    private void link(LogEntry entry) {
        if (previous != null && !Arrays.equals(entry.previousHash(), previous)) {
            failures.accept(new Failure(entry.globalIndex(), "previous-hash-mismatch", "previousHash "
                    + hex(entry.previousHash()) + " but the previous event's hash is " + hex(previous)));
        }
        byte[] computed = entry.computeHash(entry.previousHash());
        links++;
        boolean intact = Arrays.equals(computed, entry.hash());
        if (!intact) {
            failures.accept(new Failure(entry.globalIndex(), "hash-mismatch", "stored hash " + hex(entry.hash())
                    + " but the stored fields hash to " + hex(computed) + ": the event was changed"));
        }
        previous = entry.hash();
        expected = entry.globalIndex() + 1;
        inOrder.accept(entry, computed);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
