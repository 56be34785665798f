package org.ewn.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import org.ewn.store.StoreFixture.Noted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.plainEvent;

class HashChainTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    private static final HexFormat HEX = HexFormat.of();

    /** Vectors worked out from the documented encoding by hand (Python's struct), not by this code. */
    @Test
    void storedBytesFollowTheDocumentedEncoding() throws Exception {
        Instant timestamp = Instant.parse("2026-01-02T03:04:05.000000006Z");
        SerializedEvent domainEvent = new SerializedEvent("e1", "Case", "a", 7, timestamp, "org.example.Noted", "1",
                                                          utf8("{\"text\":\"hi\"}"), utf8("{}"));
        SerializedEvent plainEvent = new SerializedEvent("e2", null, null, 0, Instant.ofEpochSecond(1767323045),
                                                         "T", null, new byte[0], new byte[0]);

        assertThat(HEX.formatHex(EventHash.storedBytes(5, domainEvent))).isEqualTo(
                "01" + "0000000000000005" + "00000002" + "6531" + "01" + "00000004" + "43617365" + "00000001" + "61"
                + "0000000000000007" + "00000000695735a5" + "00000006" + "00000011" + "6f72672e6578616d706c652e4e6f746564"
                + "00000001" + "31" + "0000000d" + "7b2274657874223a226869227d" + "00000002" + "7b7d");
        assertThat(HEX.formatHex(EventHash.next(EventHash.GENESIS, 5, domainEvent)))
                .isEqualTo("8409d64a876013805f1760e9c10b02167fe360a5718213b49c2107f26e8f5a7b");
        assertThat(HEX.formatHex(EventHash.storedBytes(0, plainEvent))).isEqualTo(
                "01" + "0000000000000000" + "00000002" + "6532" + "00" + "00000000695735a5" + "00000000"
                + "00000001" + "54" + "ffffffff" + "00000000" + "00000000");
    }

    @Test
    void eachEventHashesThePreviousHashAndItsStoredBytes() throws Exception {
        MongoDatabase database = fixture.freshDatabase();
        LogStorageEngine engine = fixture.engine(database);
        engine.appendEvents(event("a", 0, new Noted("one")), plainEvent(new Noted("two")));
        engine.appendEvents(event("a", 1, new Noted("three")));

        byte[] previous = new byte[32];
        List<Document> events = storedEvents(database);
        assertThat(events).hasSize(3);
        for (Document stored : events) {
            assertThat(stored.get("prevHash", Binary.class).getData()).isEqualTo(previous);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            sha256.update(EventHash.storedBytes(stored.getLong("index"), SerializedEvent.from(stored)));
            byte[] hash = stored.get("hash", Binary.class).getData();
            assertThat(hash).isEqualTo(sha256.digest());
            previous = hash;
        }
    }

    static List<Document> storedEvents(MongoDatabase database) {
        List<Document> events = new ArrayList<>();
        for (Document commit : database.getCollection(LogStorageEngine.COMMITS).find()) {
            events.addAll(commit.getList("events", Document.class));
        }
        events.sort((x, y) -> Long.compare(x.getLong("index"), y.getLong("index")));
        return events;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
