package org.ewn.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.store.LogEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A small chained log of unsigned events (aggregates' and others, with and without a revision, timestamps of every
 * precision), and its lines as the hub's audit stream writes them.
 */
final class LogLines {

    static final ObjectMapper JSON = new ObjectMapper();

    private LogLines() {
    }

    static List<LogEntry> entries(int count) {
        List<LogEntry> entries = new ArrayList<>();
        byte[] previous = LogEntry.genesis();
        Instant start = Instant.parse("2026-11-27T03:21:34Z");
        long[] nanos = {0, 233_000_000, 238_089_000, 239_135_198, 1};
        for (int i = 0; i < count; i++) {
            boolean aggregate = i % 3 != 2;
            byte[] payload = ("{\"note\":\"event " + i + "\",\"text\":\"caf\u00e9 \\\"quoted\\\"\"}")
                    .getBytes(StandardCharsets.UTF_8);
            LogEntry unhashed = new LogEntry(i, "event-" + i, aggregate ? "Case" : null,
                                             aggregate ? "case-" + i / 3 : null, aggregate ? i % 3 : 0,
                                             start.plusSeconds(i).plusNanos(nanos[i % nanos.length]),
                                             "org.example.Noted", i % 2 == 0 ? "1" : null, payload,
                                             "{}".getBytes(StandardCharsets.UTF_8), previous, new byte[32]);
            byte[] hash = unhashed.computeHash(previous);
            entries.add(new LogEntry(i, unhashed.eventId(), unhashed.aggregateType(), unhashed.aggregateId(),
                                     unhashed.sequence(), unhashed.timestamp(), unhashed.payloadType(),
                                     unhashed.payloadRevision(), payload, unhashed.metadata(), previous, hash));
            previous = hash;
        }
        return entries;
    }

    /** The line, in the hub's field order. */
    static ObjectNode line(LogEntry entry) {
        HexFormat hex = HexFormat.of();
        Base64.Encoder base64 = Base64.getEncoder();
        ObjectNode line = JSON.createObjectNode();
        line.put("globalIndex", entry.globalIndex());
        line.put("eventId", entry.eventId());
        line.put("aggregateType", entry.aggregateType());
        line.put("aggregateId", entry.aggregateId());
        line.put("sequence", entry.sequence());
        line.put("type", entry.payloadType());
        line.put("revision", entry.payloadRevision());
        line.put("timestamp", entry.timestamp().toString());
        line.put("payload", base64.encodeToString(entry.payload()));
        line.put("metadata", base64.encodeToString(entry.metadata()));
        line.put("previousHash", hex.formatHex(entry.previousHash()));
        line.put("hash", hex.formatHex(entry.hash()));
        return line;
    }

    static List<String> lines(List<LogEntry> entries) {
        return entries.stream().map(entry -> text(line(entry))).toList();
    }

    static String text(ObjectNode line) {
        return line.toString();
    }

    /** The trailer an export ends with. */
    static String trailer(long treeSize) {
        return "{\"treeSize\":" + treeSize + ",\"treeHead\":\"e30.e30.AA\",\"hubCertificate\":\"\"}";
    }
}
