package org.ewn.command.submission;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.member.AgencyCode;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

/**
 * The signed content every submission shares: its type, the network it is for, its id, the submitting agency, the
 * time it was signed, and the type's own {@code body}.
 */
record SignedContent(String type, String network, UUID submissionId, AgencyCode agency, Instant issuedAt,
                     JsonNode body) {

    static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final Set<String> FIELDS = Set.of("type", "network", "submissionId", "agency", "issuedAt", "body");

    static SignedContent parse(byte[] payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw malformed("the payload is not JSON");
        }
        if (!(root instanceof ObjectNode object)) {
            throw malformed("the payload must be a JSON object");
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw malformed("unknown field \"" + name + "\"; a submission has exactly " + FIELDS);
            }
        }
        JsonNode body = object.get("body");
        if (body == null || !body.isObject()) {
            throw malformed("\"body\" must be an object with the content of the submission");
        }
        return new SignedContent(text(object, "type"), text(object, "network"), uuid(object), agency(object),
                                 instant(object), body);
    }

    private static String text(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw malformed("\"" + field + "\" is missing or not a string");
        }
        return node.asText();
    }

    private static UUID uuid(ObjectNode object) {
        String value = text(object, "submissionId");
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equals(value)) {
                throw new IllegalArgumentException(value);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw malformed("\"submissionId\" must be a UUID in lower-case canonical form, such as "
                            + "3f2b8c1e-0a4d-4e57-9b1a-6c2f0e8d7a11");
        }
    }

    private static AgencyCode agency(ObjectNode object) {
        try {
            return new AgencyCode(text(object, "agency"));
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static Instant instant(ObjectNode object) {
        String value = text(object, "issuedAt");
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed("\"issuedAt\" must be a UTC time such as 2026-11-26T09:30:00Z");
        }
    }

    static TrustException malformed(String detail) {
        return new TrustException(TrustFailure.MALFORMED_ENVELOPE, "Malformed submission: " + detail);
    }
}
