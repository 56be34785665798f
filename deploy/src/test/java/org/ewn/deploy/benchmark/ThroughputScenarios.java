package org.ewn.deploy.benchmark;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.ewn.store.LogStorageEngine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows 1-3: events per second written by the raw driver, by Axon's MongoDB engine and by ours, each on a fresh store,
 * one event per call as a command handler appends them.
 */
final class ThroughputScenarios {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURED = Duration.ofSeconds(10);
    private static final int MANY = 8;

    private final ResultTable.Section section;
    private double baseline;

    ThroughputScenarios(ResultTable table) {
        this.section = table.section("Throughput (one event or document per call; " + WARM_UP.toSeconds()
                                     + " s warm-up, " + MEASURED.toSeconds() + " s measured, fresh store each)",
                                     "", "events/s", "× raw 1 thread", "CPU µs/event", "others' cores", "target");
        section.note(String.format("CPU µs/event: this JVM's CPU time (writers, embedded server, collector) per event;"
                                   + " others' cores: what other processes used meanwhile, of %d",
                                   Runtime.getRuntime().availableProcessors()));
    }

    void run() throws InterruptedException {
        FixedDurationLoad.Result raw1 = rawInserts(1);
        baseline = raw1.perSecond();
        row("raw driver insertOne, 1 thread (baseline)", raw1, "");
        FixedDurationLoad.Result raw8 = rawInserts(MANY);
        row("raw driver insertOne, " + MANY + " threads", raw8, "");
        FixedDurationLoad.Result axon = axonEngine();
        row("Axon MongoEventStorageEngine, " + MANY + " threads", axon, "");
        FixedDurationLoad.Result ours1 = ourEngine(1);
        row("LogStorageEngine, 1 thread", ours1, "");
        FixedDurationLoad.Result ours8 = ourEngine(MANY);
        double overAxon = ours8.perSecond() / axon.perSecond();
        double overRaw = ours8.perSecond() / baseline;
        row("LogStorageEngine, " + MANY + " threads", ours8,
            String.format("≥ 3.00× Axon: %.2f× %s; ≥ 0.80× raw 1 thread: %.2f× %s",
                          overAxon, ResultTable.met(overAxon >= 3.0), overRaw, ResultTable.met(overRaw >= 0.8)));
        section.note(String.format("against the %d-thread raw insert rate, LogStorageEngine with %d threads is %.2f×",
                                   MANY, MANY, ours8.perSecond() / raw8.perSecond()));
    }

    private FixedDurationLoad.Result rawInserts(int threads) throws InterruptedException {
        Benchmark.progress("raw driver inserts, " + threads + " thread(s)");
        try (EmbeddedStore store = new EmbeddedStore("raw")) {
            MongoCollection<Document> events = store.database().getCollection("events");
            FixedDurationLoad.Result result = FixedDurationLoad.run(threads, WARM_UP, MEASURED, thread -> {
                // documents made beforehand: the baseline is the driver and the store, not the serializer
                List<Document> templates = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    templates.add(SampleEvents.rawDocument(i));
                }
                int[] next = {0};
                return () -> events.insertOne(new Document(templates.get(next[0]++ % templates.size()))
                                                      .append("_id", new ObjectId()));
            }, FixedDurationLoad.Window.NONE);
            if (threads == 1) {
                long bytes = meanBytes(store.database().getCollection("events", RawBsonDocument.class));
                section.note("raw document: " + bytes + " bytes of BSON, the fields and sizes of one stored event");
            }
            return result;
        }
    }

    private FixedDurationLoad.Result axonEngine() throws InterruptedException {
        Benchmark.progress("Axon MongoEventStorageEngine, " + MANY + " threads");
        try (EmbeddedStore store = new EmbeddedStore("axon")) {
            DefaultMongoTemplate template = DefaultMongoTemplate.builder()
                                                                .mongoDatabase(store.client(), "bench")
                                                                .build();
            // build() creates its unique (aggregate, sequence) index, its concurrency check, so it is part of the cost
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                                                                    .mongoTemplate(template)
                                                                    .storageStrategy(
                                                                            new DocumentPerEventStorageStrategy())
                                                                    .eventSerializer(SampleEvents.SERIALIZER)
                                                                    .snapshotSerializer(SampleEvents.SERIALIZER)
                                                                    .build();
            FixedDurationLoad.Result result = appends(engine, MANY, FixedDurationLoad.Window.NONE);
            long bytes = meanBytes(template.eventCollection().withDocumentClass(RawBsonDocument.class));
            section.note("Axon's engine stores " + bytes + " bytes of BSON per event (document per event)");
            return result;
        }
    }

    private FixedDurationLoad.Result ourEngine(int threads) throws InterruptedException {
        Benchmark.progress("LogStorageEngine, " + threads + " thread(s)");
        try (EmbeddedStore store = new EmbeddedStore("ours-" + threads);
             LogStorageEngine engine = LogStorageEngine.builder()
                                                       .database(store.database())
                                                       .eventSerializer(SampleEvents.SERIALIZER)
                                                       .snapshotSerializer(SampleEvents.SERIALIZER)
                                                       .build()) {
            CommitCounter commits = new CommitCounter(engine, store.roundTrips());
            FixedDurationLoad.Result result = appends(engine, threads, commits);
            section.note(String.format("LogStorageEngine, %d thread(s): %s; %s", threads, commits.eventsPerCommit(),
                                       commits.roundTripsPerCommit()));
            if (threads == MANY) {
                section.note("LogStorageEngine stores " + storedBytesPerEvent(store) + " bytes of BSON per event"
                             + " in its commits (plus its aggregate index)");
            }
            return result;
        }
    }

    private static FixedDurationLoad.Result appends(EventStorageEngine engine, int threads,
                                                    FixedDurationLoad.Window window) throws InterruptedException {
        return FixedDurationLoad.run(threads, WARM_UP, MEASURED, thread -> {
            SampleEvents.Writer writer = new SampleEvents.Writer();
            return () -> engine.appendEvents(writer.next());
        }, window);
    }

    private void row(String name, FixedDurationLoad.Result result, String target) {
        section.row(name, String.format("%,.0f", result.perSecond()),
                    String.format("%.2f", result.perSecond() / baseline),
                    String.format("%.0f", result.cpuMicrosPerOperation()),
                    String.format("%.2f", result.usage().otherCores()), target);
    }

    private static long meanBytes(MongoCollection<RawBsonDocument> collection) {
        long bytes = 0;
        long documents = 0;
        for (RawBsonDocument document : collection.find().limit(500)) {
            bytes += document.getByteBuffer().remaining();
            documents++;
        }
        return documents == 0 ? 0 : bytes / documents;
    }

    private static long storedBytesPerEvent(EmbeddedStore store) {
        long bytes = 0;
        long events = 0;
        for (RawBsonDocument commit : store.database().getCollection(LogStorageEngine.COMMITS, RawBsonDocument.class)
                                           .find().limit(500)) {
            bytes += commit.getByteBuffer().remaining();
            events += commit.getInt32("count").getValue();
        }
        return events == 0 ? 0 : bytes / events;
    }
}
