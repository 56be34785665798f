package org.ewn.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.ewn.store.LogEntry;

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Reads an event line of the audit stream straight into a {@link LogEntry}, by streaming: a line is some 5 KB, and a
 * tree of it, built to be read once, cost a third more than the reading. Only the shape the hub writes is read here,
 * each known field once with its own JSON type, in any order, other fields skipped. Anything else gives null, and the
 * caller reads the line as a tree ({@link LogVerifier#entry}), which says what is wrong with it: a trailer, a missing
 * or repeated field, a number as text, bad base64 or hex, a line that is not JSON.
 */
final class EventLine {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Decoder BASE64 = Base64.getDecoder();
    private static final HexFormat HEX = HexFormat.of();
    /** globalIndex, timestamp, payload, metadata, previousHash and hash, by their bits in {@link #take}. */
    private static final int REQUIRED = 1 | 1 << 5 | 1 << 8 | 1 << 9 | 1 << 10 | 1 << 11;

    private long globalIndex;
    private String eventId;
    private String aggregateType;
    private String aggregateId;
    private long sequence;
    private Instant timestamp;
    private String payloadType;
    private String payloadRevision;
    private byte[] payload;
    private byte[] metadata;
    private byte[] previousHash;
    private byte[] hash;
    private int seen;

    private EventLine() {
    }

    /** The entry this line holds, or null when only the tree path can tell what the line is. */
    static LogEntry read(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            EventLine fields = new EventLine();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                fields.take(name, parser.nextToken(), parser);
            }
            return parser.currentToken() == JsonToken.END_OBJECT ? fields.entry() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void take(String name, JsonToken value, JsonParser parser) throws IOException {
        switch (name) {
            case "globalIndex" -> globalIndex = whole(once(0, value), parser);
            case "eventId" -> eventId = textOrNull(once(1, value), parser);
            case "aggregateType" -> aggregateType = textOrNull(once(2, value), parser);
            case "aggregateId" -> aggregateId = textOrNull(once(3, value), parser);
            case "sequence" -> sequence = whole(once(4, value), parser);
            case "timestamp" -> timestamp = InstantText.parse(text(once(5, value), parser));
            case "type" -> payloadType = textOrNull(once(6, value), parser);
            case "revision" -> payloadRevision = textOrNull(once(7, value), parser);
            case "payload" -> payload = BASE64.decode(text(once(8, value), parser));
            case "metadata" -> metadata = BASE64.decode(text(once(9, value), parser));
            case "previousHash" -> previousHash = HEX.parseHex(text(once(10, value), parser));
            case "hash" -> hash = HEX.parseHex(text(once(11, value), parser));
            default -> parser.skipChildren();
        }
    }

    /** A field named twice is left to the tree, which keeps the last. */
    private JsonToken once(int field, JsonToken value) {
        if ((seen & 1 << field) != 0) {
            throw new IllegalArgumentException("a repeated field");
        }
        seen |= 1 << field;
        return value;
    }

    private LogEntry entry() {
        if ((seen & REQUIRED) != REQUIRED) {
            return null;
        }
        return new LogEntry(globalIndex, eventId, aggregateType, aggregateId, sequence, timestamp, payloadType,
                            payloadRevision, payload, metadata, previousHash, hash);
    }

    private static long whole(JsonToken value, JsonParser parser) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new IllegalArgumentException("not a whole number of 64 bits");
        }
        return parser.getLongValue();
    }

    private static String textOrNull(JsonToken value, JsonParser parser) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : text(value, parser);
    }

    private static String text(JsonToken value, JsonParser parser) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not a string");
        }
        return parser.getText();
    }
}
