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
import java.util.function.Consumer;

/**
 * Row 4: whether our engine's append and aggregate load stay as fast when the store holds ten times more history.
 * Two stores side by side, one of 10k events and one of 100k. In each, the aggregates loaded are written as commands
 * write them (one event per call, from concurrent threads, so each aggregate's events are spread over several shared
 * commits) when the store holds 10k events; the large one is then filled on to 100k, so that only the history around
 * them grows. The two stores are measured in alternating slices, each going first every other slice, so that both
 * meet the same machine and the same compiled code: measured one after the other, the first store's figures depended
 * on how warm the JIT was when the section began, and the ratio with them. The engines keep no commits in memory
 * here, so that both loads read the store: with its memory of recent commits, the loads at 10k would find every
 * commit there and those at 100k would not, and the two rows would compare memory with the store instead of a small
 * store with a large one.
 */
final class LatencyAtScale {

    private static final int SMALL = 10_000;
    private static final int LARGE = 100_000;
    private static final int FILL_EVENTS_PER_CALL = 500;
    private static final int PROBE_AGGREGATES = 100;
    private static final int PROBE_WRITERS = 8;
    private static final int WARM_UP = 300;
    private static final int SAMPLES = 2_000;
    private static final int SLICES = 10;

    private final ResultTable.Section section;
    private final Random random = new Random(42);

    /** One store, its engine, the aggregates loaded from it and the writer of the events appended to it. */
    private record Subject(EmbeddedStore store, LogStorageEngine engine, List<String> probes,
                           SampleEvents.Writer appender) {
    }

    LatencyAtScale(ResultTable table) {
        this.section = table.section("Latency of LogStorageEngine, 1 caller, idle store (ms; " + SAMPLES
                                     + " samples after " + WARM_UP + " warm-up, in " + SLICES
                                     + " slices alternating between the two stores)",
                                     "", "p50 @10k", "p99 @10k", "p50 @100k", "p99 @100k",
                                     "100k/10k p50", "100k/10k p99", "target");
    }

    void run() throws Exception {
        try (EmbeddedStore smallStore = new EmbeddedStore("latency-10k");
             LogStorageEngine smallEngine = engine(smallStore);
             EmbeddedStore largeStore = new EmbeddedStore("latency-100k");
             LogStorageEngine largeEngine = engine(largeStore)) {
            CpuMeter cpu = new CpuMeter();
            long aroundProbes = SMALL - PROBE_AGGREGATES * SampleEvents.EVENTS_PER_AGGREGATE;
            fill(smallEngine, new SampleEvents.Writer(), aroundProbes);
            Subject small = new Subject(smallStore, smallEngine, writeProbes(smallEngine), new SampleEvents.Writer());
            SampleEvents.Writer filler = new SampleEvents.Writer();
            double fillSeconds = fill(largeEngine, filler, aroundProbes);
            List<String> probes = writeProbes(largeEngine);
            long beforeFill = largeEngine.eventsCommitted();
            fillSeconds += fill(largeEngine, filler, LARGE);
            long filled = aroundProbes + LARGE - beforeFill;
            Subject large = new Subject(largeStore, largeEngine, probes, new SampleEvents.Writer());
            Benchmark.progress(String.format("latency at %d and %d events", smallEngine.eventsCommitted(),
                                             largeEngine.eventsCommitted()));

            RoundTrips.Snapshot beforeLoads = largeStore.roundTrips().snapshot();
            Histogram[] loads = alternating(small, large, this::load);
            RoundTrips.Snapshot beforeAppends = largeStore.roundTrips().snapshot();
            Histogram[] appends = alternating(small, large, LatencyAtScale::append);
            RoundTrips.Snapshot afterAppends = largeStore.roundTrips().snapshot();

            row("append 1 event (continuing aggregate)", appends[0], appends[1]);
            row("load aggregate of " + SampleEvents.EVENTS_PER_AGGREGATE + " events (readEvents, consumed)",
                loads[0], loads[1]);
            section.note("at 100k, append " + afterAppends.perUnitSince(beforeAppends, WARM_UP + SAMPLES, "append"));
            section.note("at 100k, load " + beforeAppends.perUnitSince(beforeLoads, WARM_UP + SAMPLES, "load"));
            section.note(String.format("the large store filled with %d events per call: %,d events in %.1f s (%,.0f "
                                       + "events/s)", FILL_EVENTS_PER_CALL, filled, fillSeconds,
                                       filled / fillSeconds));
            section.note("the engines keep no commits in memory here, so that loads at 10k and at 100k both read "
                         + "their store");
            section.note(String.format("other processes used %.2f cores meanwhile", cpu.stop().otherCores()));
        }
    }

    private static LogStorageEngine engine(EmbeddedStore store) {
        return LogStorageEngine.builder()
                               .database(store.database())
                               .recentCommits(0)
                               .eventSerializer(SampleEvents.SERIALIZER)
                               .snapshotSerializer(SampleEvents.SERIALIZER)
                               .build();
    }

    /**
     * The operation's warm-up on both stores, then its samples in slices, the small store first in even slices and
     * the large one in odd ones; the small store's latencies first.
     */
    private static Histogram[] alternating(Subject small, Subject large, Consumer<Subject> operation) {
        for (int i = 0; i < WARM_UP; i++) {
            operation.accept(small);
            operation.accept(large);
        }
        Histogram[] latencies = {new Histogram(3), new Histogram(3)};
        int perSlice = SAMPLES / SLICES;
        for (int slice = 0; slice < SLICES; slice++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = (slice + turn) % 2;
                Subject subject = which == 0 ? small : large;
                for (int i = 0; i < perSlice; i++) {
                    long start = System.nanoTime();
                    operation.accept(subject);
                    latencies[which].recordValue(System.nanoTime() - start);
                }
            }
        }
        return latencies;
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

    private void load(Subject subject) {
        String id = subject.probes().get(random.nextInt(subject.probes().size()));
        long events = subject.engine().readEvents(id).asStream().count();
        if (events != SampleEvents.EVENTS_PER_AGGREGATE) {
            throw new IllegalStateException(id + " loaded " + events + " events");
        }
    }

    private static void append(Subject subject) {
        DomainEventMessage<?> event = subject.appender().next();
        subject.engine().appendEvents(event);
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
