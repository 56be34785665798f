package org.ewn.deploy.benchmark;

import org.HdrHistogram.Histogram;
import org.axonframework.eventhandling.DomainEventMessage;
import org.ewn.store.LogStorageEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Row 4: whether our engine's append and aggregate load stay as fast when the store holds ten times more history.
 * The aggregates loaded are written as commands write them (one event per call, from concurrent threads, so each
 * aggregate's events are spread over several shared commits) when the store holds 10k events, and loaded again at
 * 100k: only the history around them grows. The engine keeps no commits in memory here, so that both loads read
 * the store: with its memory of recent commits, the loads at 10k would find every commit there and those at 100k
 * would not, and the two rows would compare memory with the store instead of a small store with a large one.
 */
final class LatencyAtScale {

    private static final int SMALL = 10_000;
    private static final int LARGE = 100_000;
    private static final int FILL_EVENTS_PER_CALL = 500;
    private static final int PROBE_AGGREGATES = 100;
    private static final int PROBE_WRITERS = 8;
    private static final int WARM_UP = 300;
    private static final int SAMPLES = 2_000;

    private final ResultTable.Section section;
    private final Random random = new Random(42);

    LatencyAtScale(ResultTable table) {
        this.section = table.section("Latency of LogStorageEngine, 1 caller, idle store (ms; " + SAMPLES
                                     + " samples after " + WARM_UP + " warm-up)",
                                     "", "p50 @10k", "p99 @10k", "p50 @100k", "p99 @100k",
                                     "100k/10k p50", "100k/10k p99", "target");
    }

    void run() throws Exception {
        try (EmbeddedStore store = new EmbeddedStore("latency");
             LogStorageEngine engine = LogStorageEngine.builder()
                                                       .database(store.database())
                                                       .recentCommits(0)
                                                       .eventSerializer(SampleEvents.SERIALIZER)
                                                       .snapshotSerializer(SampleEvents.SERIALIZER)
                                                       .build()) {
            CpuMeter cpu = new CpuMeter();
            SampleEvents.Writer filler = new SampleEvents.Writer();
            double fillSeconds = fill(engine, filler, SMALL - PROBE_AGGREGATES * SampleEvents.EVENTS_PER_AGGREGATE);
            List<String> probes = writeProbes(engine);
            Benchmark.progress("latency at " + engine.eventsCommitted() + " events");
            SampleEvents.Writer appender = new SampleEvents.Writer();
            Histogram loadSmall = loads(engine, probes);
            Histogram appendSmall = appends(engine, appender);

            long beforeFill = engine.eventsCommitted();
            fillSeconds += fill(engine, filler, LARGE);
            long filled = SMALL - PROBE_AGGREGATES * SampleEvents.EVENTS_PER_AGGREGATE + LARGE - beforeFill;
            Benchmark.progress("latency at " + engine.eventsCommitted() + " events");
            RoundTrips.Snapshot beforeLoads = store.roundTrips().snapshot();
            Histogram loadLarge = loads(engine, probes);
            RoundTrips.Snapshot beforeAppends = store.roundTrips().snapshot();
            Histogram appendLarge = appends(engine, appender);
            RoundTrips.Snapshot afterAppends = store.roundTrips().snapshot();

            row("append 1 event (continuing aggregate)", appendSmall, appendLarge);
            row("load aggregate of " + SampleEvents.EVENTS_PER_AGGREGATE + " events (readEvents, consumed)",
                loadSmall, loadLarge);
            section.note("at 100k, append " + afterAppends.perUnitSince(beforeAppends, WARM_UP + SAMPLES, "append"));
            section.note("at 100k, load " + beforeAppends.perUnitSince(beforeLoads, WARM_UP + SAMPLES, "load"));
            section.note(String.format("filled with %d events per call: %,d events in %.1f s (%,.0f events/s)",
                                       FILL_EVENTS_PER_CALL, filled, fillSeconds, filled / fillSeconds));
            section.note("the engine keeps no commits in memory here, so that loads at 10k and at 100k both read the "
                         + "store");
            section.note(String.format("other processes used %.2f cores meanwhile", cpu.stop().otherCores()));
        }
    }

    /** Appends whole aggregates in large calls until the store holds {@code total} events; returns the seconds. */
    private static double fill(LogStorageEngine engine, SampleEvents.Writer filler, long total) {
        Benchmark.progress("filling to " + total + " events");
        long start = System.nanoTime();
        while (engine.eventsCommitted() < total) {
            int count = (int) Math.min(FILL_EVENTS_PER_CALL, total - engine.eventsCommitted());
            engine.appendEvents(filler.next(count));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Aggregates written one event per call by concurrent writers, each writer advancing its aggregates in turn. */
    private static List<String> writeProbes(LogStorageEngine engine) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(PROBE_WRITERS);
        try {
            List<Future<List<String>>> written = new ArrayList<>();
            for (int w = 0; w < PROBE_WRITERS; w++) {
                int first = w;
                written.add(writers.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int a = first; a < PROBE_AGGREGATES; a += PROBE_WRITERS) {
                        ids.add("probe-" + a);
                    }
                    for (int sequence = 0; sequence < SampleEvents.EVENTS_PER_AGGREGATE; sequence++) {
                        for (String id : ids) {
                            engine.appendEvents(SampleEvents.event(id, sequence));
                        }
                    }
                    return ids;
                }));
            }
            List<String> probes = new ArrayList<>();
            for (Future<List<String>> ids : written) {
                probes.addAll(ids.get());
            }
            return probes;
        } finally {
            writers.shutdown();
        }
    }

    private Histogram loads(LogStorageEngine engine, List<String> probes) {
        return sample(() -> {
            String id = probes.get(random.nextInt(probes.size()));
            long events = engine.readEvents(id).asStream().count();
            if (events != SampleEvents.EVENTS_PER_AGGREGATE) {
                throw new IllegalStateException(id + " loaded " + events + " events");
            }
        });
    }

    private static Histogram appends(LogStorageEngine engine, SampleEvents.Writer appender) {
        return sample(() -> {
            DomainEventMessage<?> event = appender.next();
            engine.appendEvents(event);
        });
    }

    private static Histogram sample(Runnable operation) {
        for (int i = 0; i < WARM_UP; i++) {
            operation.run();
        }
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            operation.run();
            histogram.recordValue(System.nanoTime() - start);
        }
        return histogram;
    }

    private void row(String name, Histogram small, Histogram large) {
        double p50 = ratio(large, small, 50);
        double p99 = ratio(large, small, 99);
        section.row(name, ms(small, 50), ms(small, 99), ms(large, 50), ms(large, 99),
                    String.format("%.2f", p50), String.format("%.2f", p99),
                    String.format("≤ 1.50: p50 %s, p99 %s", ResultTable.met(p50 <= 1.5),
                                  ResultTable.met(p99 <= 1.5)));
    }

    private static String ms(Histogram histogram, double percentile) {
        return EndToEnd.ms(histogram, percentile);
    }

    private static double ratio(Histogram large, Histogram small, double percentile) {
        return (double) large.getValueAtPercentile(percentile) / small.getValueAtPercentile(percentile);
    }
}
