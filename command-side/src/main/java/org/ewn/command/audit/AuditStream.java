package org.ewn.command.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ewn.store.LogEntry;
import org.ewn.store.LogStorageEngine;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the log as NDJSON, one line per event with everything {@link LogEntry#computeHash} needs, and a last line
 * {@code {"next": …}} saying where to resume. Reads batches of whole commits and flushes after each, so the answer
 * streams and memory stays flat however long the log is.
 */
final class AuditStream {

    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Entries log;

    AuditStream(Entries log) {
        this.log = log;
    }

    /** Where the log is read from: {@link LogStorageEngine#entriesFrom}, in the order the events are stored. */
    @FunctionalInterface
    interface Entries {
        List<LogEntry> from(long from, int max);
    }

    /** What to stream; {@code limit} counts the lines written, filters are applied to every event scanned. */
    record Query(long from, long limit, String type, String aggregate, String member, Instant since, Instant until) {
    }

    void write(Query query, OutputStream target) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(target)) {
            long next = query.from();
            long written = 0;
            boolean more = true;
            while (more && written < query.limit()) {
                List<LogEntry> batch = log.from(next, BATCH);
                more = batch.size() == BATCH;
                for (LogEntry entry : batch) {
                    // an event stored out of its place in a damaged log must not move the resume point back
                    next = Math.max(next, entry.globalIndex() + 1);
                    JsonNode payload = payload(entry);
                    if (matches(query, entry, payload)) {
                        line(json, entry, payload);
                        written++;
                        if (written == query.limit()) {
                            more = false;
                            break;
                        }
                    }
                }
                json.flush();
            }
            json.writeStartObject();
            json.writeNumberField("next", next);
            json.writeNumberField("events", written);
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static boolean matches(Query query, LogEntry entry, JsonNode payload) {
        if (query.type() != null && !entry.payloadType().equals(query.type())
            && !entry.payloadType().endsWith("." + query.type())) {
            return false;
        }
        if (query.aggregate() != null && !query.aggregate().equals(entry.aggregateId())) {
            return false;
        }
        if (query.since() != null && entry.timestamp().isBefore(query.since())) {
            return false;
        }
        if (query.until() != null && !entry.timestamp().isBefore(query.until())) {
            return false;
        }
        return query.member() == null || concerns(payload, query.member());
    }

    /** The member's agency signed the event's submission, or the event addresses the member. */
    static boolean concerns(JsonNode payload, String member) {
        String agency = payload.path("submission").path("agency").asText("");
        if (agency.startsWith(member + "-")) {
            return true;
        }
        for (JsonNode addressee : payload.path("addressees")) {
            if (addressee.asText().equals(member)) {
                return true;
            }
        }
        return payload.path("addressee").asText("").equals(member) || payload.path("member").asText("").equals(member);
    }

    private static JsonNode payload(LogEntry entry) {
        try {
            return JSON.readTree(entry.payload());
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static void line(JsonGenerator json, LogEntry entry, JsonNode payload) throws IOException {
        HexFormat hex = HexFormat.of();
        Base64.Encoder base64 = Base64.getEncoder();
        json.writeStartObject();
        json.writeNumberField("globalIndex", entry.globalIndex());
        json.writeStringField("eventId", entry.eventId());
        json.writeStringField("aggregateType", entry.aggregateType());
        json.writeStringField("aggregateId", entry.aggregateId());
        json.writeNumberField("sequence", entry.sequence());
        json.writeStringField("type", entry.payloadType());
        json.writeStringField("revision", entry.payloadRevision());
        json.writeStringField("timestamp", entry.timestamp().toString());
        json.writeStringField("payload", base64.encodeToString(entry.payload()));
        json.writeStringField("metadata", base64.encodeToString(entry.metadata()));
        json.writeStringField("previousHash", hex.formatHex(entry.previousHash()));
        json.writeStringField("hash", hex.formatHex(entry.hash()));
        JsonNode envelope = payload.path("submission").path("envelope");
        if (envelope.isTextual()) {
            json.writeStringField("envelope", envelope.asText());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
