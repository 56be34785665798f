package org.ewn.deploy.benchmark;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.ewn.deploy.store.KeyValueType;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * The embedded store's index keys as its pages hold them: a page's keys written and read back, by H2's own key type
 * (Java serialization of each key) and by the store's ({@link KeyValueType}, field by field). The two take turns in
 * each round, in this thread, so that the machine's load falls on both alike.
 */
final class IndexKeys {

    private static final int KEYS_PER_PAGE = 64;
    private static final int PAGES = 5_000;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 5;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final ResultTable.Section section;

    /** Per key, over one round. */
    private record Cost(double nanos, double allocated, double written) {
    }

    IndexKeys(ResultTable table) {
        this.section = table.section(String.format("Index keys of the embedded store, written and read back in pages "
                                                   + "of %d (per key; median of %d rounds of %,d pages, after %d "
                                                   + "warm-up rounds)", KEYS_PER_PAGE, ROUNDS, PAGES, WARM_UP_ROUNDS),
                                     "", "ns", "bytes allocated", "bytes written", "ns vs H2's");
    }

    void run() {
        Benchmark.progress("index keys");
        KeyValue[] strings = new KeyValue[KEYS_PER_PAGE];
        KeyValue[] numbers = new KeyValue[KEYS_PER_PAGE];
        for (int i = 0; i < KEYS_PER_PAGE; i++) {
            strings[i] = new KeyValue("UZ:" + UUID.nameUUIDFromBytes(new byte[]{(byte) i}) + ":KG");
            // how mongo-java-server keys a number: the event log's commit numbers
            numbers[i] = new KeyValue((double) (100_000 + i));
        }
        compare("a string of " + strings[0].get(0).toString().length() + " characters", strings);
        compare("a commit number", numbers);
        section.note("bytes allocated by this thread, counted by the JVM");
    }

    /** H2's key type and the store's, taking turns on the same page; one row each. */
    private void compare(String keys, KeyValue[] page) {
        ObjectDataType h2 = new ObjectDataType();
        List<Cost> serialized = new ArrayList<>();
        List<Cost> fields = new ArrayList<>();
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            Cost first = measure(h2, page);
            Cost second = measure(KeyValueType.INSTANCE, page);
            if (round >= WARM_UP_ROUNDS) {
                serialized.add(first);
                fields.add(second);
            }
        }
        double baseline = median(serialized, Cost::nanos);
        row(keys + ", H2's key type (Java serialization)", serialized, baseline);
        row(keys + ", the store's (field by field)", fields, baseline);
    }

    private void row(String name, List<Cost> costs, double baseline) {
        double nanos = median(costs, Cost::nanos);
        section.row(name, String.format("%,.0f", nanos), String.format("%,.0f", median(costs, Cost::allocated)),
                    String.format("%,.0f", median(costs, Cost::written)), String.format("%.3f", nanos / baseline));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Cost measure(DataType type, KeyValue[] page) {
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long written = 0;
        for (int i = 0; i < PAGES; i++) {
            WriteBuffer buffer = new WriteBuffer(16 * 1024);
            type.write(buffer, page, page.length);
            ByteBuffer bytes = buffer.getBuffer().flip();
            written += bytes.remaining();
            Object[] read = new Object[page.length];
            type.read(bytes, read, page.length);
            if (!read[i % page.length].equals(page[i % page.length])) {
                throw new IllegalStateException("A key read back differs from the one written");
            }
        }
        double keys = (double) PAGES * page.length;
        return new Cost((System.nanoTime() - start) / keys,
                        (THREADS.getCurrentThreadAllocatedBytes() - allocated) / keys, written / keys);
    }

    private static double median(List<Cost> costs, ToDoubleFunction<Cost> figure) {
        return SignatureVerification.median(costs.stream().mapToDouble(figure).toArray());
    }
}
