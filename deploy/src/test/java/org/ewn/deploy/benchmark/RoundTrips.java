package org.ewn.deploy.benchmark;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the driver's commands and their elapsed time, by command name, so that a throughput figure can be explained
 * by how many round trips each commit takes and what each costs.
 */
final class RoundTrips implements CommandListener {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        counts.computeIfAbsent(event.getCommandName(), name -> new LongAdder()).increment();
        nanos.computeIfAbsent(event.getCommandName(), name -> new LongAdder())
             .add(event.getElapsedTime(TimeUnit.NANOSECONDS));
    }

    Snapshot snapshot() {
        Map<String, long[]> copy = new TreeMap<>();
        counts.forEach((name, count) -> copy.put(name, new long[]{count.sum(), nanos.get(name).sum()}));
        return new Snapshot(copy);
    }

    /** Counts and elapsed nanoseconds ({@code [count, nanos]}) per command name at one moment. */
    record Snapshot(Map<String, long[]> byCommand) {

        /** What happened between {@code earlier} and this one, e.g. "insert 1.00 × 1.9 ms" per {@code unit}. */
        String perUnitSince(Snapshot earlier, long units, String unit) {
            StringBuilder text = new StringBuilder();
            long totalCount = 0;
            long totalNanos = 0;
            for (Map.Entry<String, long[]> entry : byCommand.entrySet()) {
                long[] before = earlier.byCommand.getOrDefault(entry.getKey(), new long[2]);
                long count = entry.getValue()[0] - before[0];
                long elapsed = entry.getValue()[1] - before[1];
                if (count == 0) {
                    continue;
                }
                totalCount += count;
                totalNanos += elapsed;
                text.append(String.format("%s %.2f × %.2f ms, ", entry.getKey(), (double) count / units,
                                          elapsed / 1e6 / count));
            }
            return String.format("per %s: %.2f round trips taking %.2f ms — %s", unit,
                                 (double) totalCount / units, totalNanos / 1e6 / units,
                                 text.length() == 0 ? "none" : text.substring(0, text.length() - 2));
        }
    }
}
