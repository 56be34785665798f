package org.ewn.query.inbox;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.Precedence;
import org.ewn.api.inbox.FindInboxStatistics;
import org.ewn.api.inbox.InboxStatistics;
import org.ewn.api.inbox.InboxStatistics.Acknowledgement;
import org.ewn.api.member.MemberCode;
import org.ewn.query.EmbeddedMongo;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.api.alert.AlertCategory.CYBER_INCIDENT;
import static org.ewn.api.alert.AlertCategory.MISSING_OR_AT_RISK_CHILD;
import static org.ewn.api.alert.Precedence.FLASH;
import static org.ewn.api.alert.Precedence.ROUTINE;

class StatisticsCalculatorTest {

    private static final MemberCode UZ = new MemberCode("UZ");
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void countsTheAlertsOfEachDayOfThePeriodByCategoryAndPrecedence() {
        List<Document> entries = List.of(
                entry(Instant.parse("2026-11-23T23:59:59Z"), FLASH, CYBER_INCIDENT), // the day before the period
                entry(Instant.parse("2026-11-24T00:00:00Z"), FLASH, CYBER_INCIDENT),
                entry(Instant.parse("2026-11-24T08:00:00Z"), ROUTINE, CYBER_INCIDENT),
                entry(Instant.parse("2026-11-26T11:00:00Z"), FLASH, MISSING_OR_AT_RISK_CHILD));

        InboxStatistics statistics = StatisticsCalculator.compute(entries, UZ, NOW, 3, e -> null);

        assertThat(statistics.from()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(statistics.to()).isEqualTo(NOW);
        assertThat(statistics.byDay()).extracting(InboxStatistics.Day::day).containsExactly(
                LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"));
        assertThat(statistics.byDay().get(0).byCategory()).isEqualTo(Map.of(CYBER_INCIDENT, 2L));
        assertThat(statistics.byDay().get(0).byPrecedence()).isEqualTo(Map.of(FLASH, 1L, ROUTINE, 1L));
        assertThat(statistics.byDay().get(1).byCategory()).isEmpty();
        assertThat(statistics.byDay().get(2).byCategory()).isEqualTo(Map.of(MISSING_OR_AT_RISK_CHILD, 1L));
    }

    @Test
    void acknowledgementTimesAreTheMembersOwnWithMedianAndNinetiethPercentileByNearestRank() {
        List<Document> entries = new ArrayList<>();
        Instant raised = Instant.parse("2026-11-25T09:00:00Z");
        for (long seconds : LongStream.rangeClosed(1, 10).map(i -> i * 10).toArray()) {
            entries.add(acknowledged(entry(raised, FLASH, CYBER_INCIDENT), "UZ", raised.plusSeconds(seconds)));
        }
        // acknowledged by another addressee only: not the member's acknowledgement
        entries.add(acknowledged(entry(raised, ROUTINE, CYBER_INCIDENT), "KZ", raised.plusSeconds(5)));
        // projected before entries kept the time: the fallback supplies it
        Document legacy = entry(raised, ROUTINE, CYBER_INCIDENT).append("acknowledgedBy", List.of("UZ"));

        entries.add(legacy);
        InboxStatistics statistics = StatisticsCalculator.compute(entries, UZ, NOW, 14,
                e -> e == legacy ? raised.plusSeconds(3600) : null);

        assertThat(statistics.acknowledgement().get(FLASH)).isEqualTo(new Acknowledgement(10, 50L, 90L));
        assertThat(statistics.acknowledgement().get(ROUTINE)).isEqualTo(new Acknowledgement(1, 3600L, 3600L));
        assertThat(statistics.acknowledgement().get(Precedence.PRIORITY)).isEqualTo(new Acknowledgement(0, null, null));
        assertThat(statistics.unacknowledged()).as("KZ's acknowledgement is not UZ's").isEqualTo(1);
    }

    @Test
    void unacknowledgedAndOverdueCountOpenAlertsOfAnyTime() {
        Instant longAgo = NOW.minus(Duration.ofDays(200));
        List<Document> entries = List.of(
                entry(longAgo, FLASH, CYBER_INCIDENT),                                  // overdue, from long ago
                entry(NOW.minusSeconds(60), ROUTINE, CYBER_INCIDENT)                    // not yet due
                        .append("acknowledgeBy", Date.from(NOW.plus(Duration.ofHours(72)))),
                entry(longAgo, FLASH, CYBER_INCIDENT).append("withdrawn", true),        // withdrawn
                entry(longAgo, FLASH, CYBER_INCIDENT).append("validUntil", Date.from(NOW.minusSeconds(1))), // expired
                acknowledged(entry(longAgo, FLASH, CYBER_INCIDENT), "UZ", longAgo.plusSeconds(30)));

        InboxStatistics statistics = StatisticsCalculator.compute(entries, UZ, NOW, 14, e -> null);

        assertThat(statistics.unacknowledged()).isEqualTo(2);
        assertThat(statistics.overdue()).isEqualTo(1);
    }

    /** Not a benchmark: prints what the statistics of an inbox of 10,000 alerts cost, read as the API reads them. */
    @Test
    void statisticsOfTenThousandAlertsComeFromTheMembersBuckets() {
        try (EmbeddedMongo mongo = new EmbeddedMongo()) {
            MongoDatabase database = mongo.freshDatabase();
            int alerts = 10_000;
            List<Long> buckets = new ArrayList<>();
            for (int bucket = 0; bucket * InboxEntries.BUCKET_SPAN < alerts; bucket++) {
                Document inBucket = new Document();
                for (int i = bucket * InboxEntries.BUCKET_SPAN; i < Math.min(alerts, (bucket + 1) * InboxEntries.BUCKET_SPAN); i++) {
                    Instant raised = NOW.minus(Duration.ofMinutes(3L * i)); // about 21 days back
                    Document entry = entry(raised, i % 2 == 0 ? FLASH : ROUTINE, CYBER_INCIDENT).append("position", (long) i);
                    inBucket.append(entry.getString("alert"), i % 3 == 0 ? entry : acknowledged(entry, "UZ", raised.plusSeconds(i % 600)));
                }
                database.getCollection(InboxEntries.BUCKETS).insertOne(new Document("_id", "UZ:" + bucket).append("entries", inBucket));
                buckets.add((long) bucket);
            }
            database.getCollection(InboxEntries.MEMBERS).insertOne(new Document("_id", "UZ").append(InboxEntries.RECEIVED_BUCKETS, buckets));
            InboxQueries queries = new InboxQueries(database, Clock.fixed(NOW, ZoneOffset.UTC));

            InboxEntries entries = new InboxEntries(database);
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                queries.handle(new FindInboxStatistics(UZ, 14));
            }
            long readStart = System.nanoTime();
            List<Document> read = entries.of(UZ);
            long readMillis = (System.nanoTime() - readStart) / 1_000_000;
            long computeStart = System.nanoTime();
            StatisticsCalculator.compute(read, UZ, NOW, 14, e -> null);
            long computeMicros = (System.nanoTime() - computeStart) / 1_000;
            InboxStatistics statistics = null;
            long[] millis = new long[7];
            for (int round = 0; round < millis.length; round++) {
                long start = System.nanoTime();
                statistics = queries.handle(new FindInboxStatistics(UZ, 14));
                millis[round] = (System.nanoTime() - start) / 1_000_000;
            }
            java.util.Arrays.sort(millis);
            System.out.printf("Statistics of 10,000 alerts over 14 days: median %d ms (min %d, max %d); "
                              + "reading the buckets %d ms, computing %d µs%n",
                              millis[3], millis[0], millis[6], readMillis, computeMicros);

            long inPeriod = statistics.byDay().stream()
                    .mapToLong(day -> day.byPrecedence().values().stream().mapToLong(Long::longValue).sum()).sum();
            // 14 days: today's 12 hours and 13 whole days, one alert every 3 minutes, and the one at the first instant
            assertThat(inPeriod).isEqualTo((12 + 13 * 24) * 20 + 1);
            assertThat(statistics.unacknowledged()).isEqualTo((alerts + 2) / 3);
        }
    }

    private static Document entry(Instant raisedAt, Precedence precedence, AlertCategory category) {
        return new Document("alert", UUID.randomUUID().toString())
                .append("position", 1L)
                .append("raisedAt", Date.from(raisedAt))
                .append("precedence", precedence.name())
                .append("category", category.name())
                .append("status", "ACTUAL")
                .append("marking", "AMBER")
                .append("validUntil", null)
                .append("acknowledgeBy", Date.from(raisedAt.plus(Duration.ofMinutes(15))))
                .append("addressees", 2)
                .append("originator", "KZ");
    }

    private static Document acknowledged(Document entry, String member, Instant at) {
        List<String> by = new ArrayList<>(entry.getList("acknowledgedBy", String.class, List.of()));
        by.add(member);
        Document times = entry.get("acknowledgedAt", Document.class);
        return entry.append("acknowledgedBy", by)
                .append("acknowledgedAt", (times == null ? new Document() : times).append(member, Date.from(at)));
    }
}
