package org.ewn.command.escalation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep over a real store: which deadlines it hands on, and what happens to one whose step fails. */
class DeadlineSweepTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> deadlines;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        deadlines = client.getDatabase("ewn").getCollection("alert_deadlines");
        deadlines.insertMany(List.of(deadline("passed", NOW.minusSeconds(60)), deadline("due-now", NOW),
                                     deadline("ahead", NOW.plusMillis(1)),
                                     deadline("far-ahead", NOW.plusSeconds(3600))));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void handsOnTheDeadlinesThatHavePassedAndNoneAhead() {
        List<String> handed = new ArrayList<>();
        try (DeadlineSweep sweep = sweep((deadline, now) -> handed.add(deadline.getString("_id") + "@" + now))) {
            sweep.sweep();
        }
        assertThat(handed).containsExactlyInAnyOrder("passed@" + NOW, "due-now@" + NOW);
    }

    @Test
    void aStepThatFailsLeavesTheOthersAndIsHandedAgainAtTheNextRound() {
        List<String> handed = new ArrayList<>();
        try (DeadlineSweep sweep = sweep((deadline, now) -> {
            handed.add(deadline.getString("_id"));
            if (deadline.getString("_id").equals("passed") && handed.size() < 3) {
                throw new IllegalStateException("the aggregate cannot be loaded now");
            }
        })) {
            sweep.sweep();
            sweep.sweep();
        }
        assertThat(handed).containsExactlyInAnyOrder("passed", "due-now", "passed", "due-now");
    }

    @Test
    void indexesTheDeadlinesByWhenTheyFallDue() {
        try (DeadlineSweep ignored = sweep((deadline, now) -> { })) {
            assertThat(deadlines.listIndexes()).anySatisfy(index ->
                    assertThat(index.get("key", Document.class)).isEqualTo(new Document("dueAt", 1)));
        }
    }

    /** A sweep whose own rounds are an hour apart, so that only the test's rounds run. */
    private DeadlineSweep sweep(DeadlineSweep.Due due) {
        return new DeadlineSweep("alert deadlines", deadlines, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1),
                                 due);
    }

    private static Document deadline(String id, Instant dueAt) {
        return new Document("_id", id).append("dueAt", Date.from(dueAt)).append("pending", List.of("UZ"));
    }
}
