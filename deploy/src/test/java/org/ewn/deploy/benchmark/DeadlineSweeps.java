package org.ewn.deploy.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

/**
 * A deadline sweep's query, {@code {dueAt: {$lte: now}}}, over a store holding many open deadlines of which a few
 * have passed: through the store's index of dates, and as the store answered it before, by a scan of the collection
 * (the same query inside an {@code $and}, which the index does not take). The two take turns in each round, on the
 * same collection, so that the machine's load falls on both alike.
 */
final class DeadlineSweeps {

    private static final int[] OPEN = {10_000, 100_000};
    private static final int PASSED = 10;
    private static final int WARM_UP_ROUNDS = 30;
    private static final int ROUNDS = 15;

    private final ResultTable.Section section;

    DeadlineSweeps(ResultTable table) {
        this.section = table.section(String.format("A deadline sweep's query, %d deadlines passed (median of %d rounds,"
                                                   + " after %d warm-up rounds)", PASSED, ROUNDS, WARM_UP_ROUNDS),
                                     "open deadlines", "by the index, ms", "by a scan, ms", "index vs scan");
    }

    void run() {
        Benchmark.progress("deadline sweeps");
        for (int open : OPEN) {
            try (EmbeddedStore store = new EmbeddedStore("sweeps")) {
                MongoCollection<Document> deadlines = store.database().getCollection("alert_deadlines");
                deadlines.createIndex(Indexes.ascending("dueAt"));
                Instant now = Instant.now();
                Random random = new Random(open);
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < open; i++) {
                    Instant due = i < PASSED ? now.minusSeconds(1 + i)
                            : now.plusSeconds(60 + random.nextInt(72 * 3600));
                    batch.add(new Document("_id", "alert-" + i).append("dueAt", Date.from(due))
                                      .append("pending", List.of("UZ", "TJ", "KG")));
                    if (batch.size() == 1_000) {
                        deadlines.insertMany(batch);
                        batch.clear();
                    }
                }
                Bson passed = Filters.lte("dueAt", Date.from(now));
                Bson scanned = Filters.and(passed, Filters.exists("_id"));
                double[] indexed = new double[ROUNDS];
                double[] scans = new double[ROUNDS];
                for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
                    double first = millis(deadlines, passed);
                    double second = millis(deadlines, scanned);
                    if (round >= WARM_UP_ROUNDS) {
                        indexed[round - WARM_UP_ROUNDS] = first;
                        scans[round - WARM_UP_ROUNDS] = second;
                    }
                }
                double byIndex = SignatureVerification.median(indexed);
                double byScan = SignatureVerification.median(scans);
                section.row(String.format("%,d", open), String.format("%.2f", byIndex), String.format("%.2f", byScan),
                            String.format("%.4f", byIndex / byScan));
            }
        }
        section.note("each sweep runs every 5 s on each command node, for alerts, referrals and transfers alike; "
                     + "the time is the driver's round trip over loopback, the store's work included");
    }

    private static double millis(MongoCollection<Document> deadlines, Bson filter) {
        long start = System.nanoTime();
        int found = deadlines.find(filter).into(new ArrayList<>()).size();
        double millis = (System.nanoTime() - start) / 1e6;
        if (found != PASSED) {
            throw new IllegalStateException("The sweep found " + found + " passed deadlines, not " + PASSED);
        }
        return millis;
    }
}
