package org.ewn.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ewn.store.LogEntry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servesEventsStoredOutOfPlaceAsStoredAndResumesAfterTheHighestIndex() throws Exception {
        List<LogEntry> stored = List.of(entry(0), entry(2), entry(1));
        AuditStream stream = new AuditStream((from, max) -> stored.stream()
                                                                  .filter(entry -> entry.globalIndex() >= from)
                                                                  .limit(max).toList());

        List<JsonNode> lines = write(stream, new AuditStream.Query(0, Long.MAX_VALUE, null, null, null, null, null));

        assertThat(lines.subList(0, 3)).extracting(line -> line.get("globalIndex").asLong())
                                       .containsExactly(0L, 2L, 1L);
        assertThat(lines.get(3).get("next").asLong()).as("not back to 2, which would serve index 2 again").isEqualTo(3);
        assertThat(lines.get(3).get("events").asLong()).isEqualTo(3);
    }

    private static List<JsonNode> write(AuditStream stream, AuditStream.Query query) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream.write(query, out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static LogEntry entry(long index) {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        return new LogEntry(index, "event-" + index, null, null, 0, Instant.EPOCH, "Noted", null, json, json,
                            new byte[32], new byte[32]);
    }
}
