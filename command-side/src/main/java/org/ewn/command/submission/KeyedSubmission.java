package org.ewn.command.submission;

import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A signed submission that carries personal data, sent as {@code application/ewn-submission+json}: the JWS as
 * always, and beside it, outside the signature and never stored, the subject keys that open its personal data
 * (key id to base64url of 32 bytes). The hub checks each ciphertext opens, keeps the keys wrapped by its master key
 * and stores only the JWS. Sent over TLS, the keys are as safe as the personal data itself would be.
 */
public record KeyedSubmission(String submission, Map<String, String> subjectKeys) {

    public static final String MEDIA_TYPE = "application/ewn-submission+json";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int MAX_KEYS = 50;

    public KeyedSubmission {
        if (submission == null || submission.isBlank()) {
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST, 400, "\"submission\" must hold the JWS in "
                    + "compact serialization");
        }
        subjectKeys = subjectKeys == null ? Map.of() : Map.copyOf(subjectKeys);
        if (subjectKeys.size() > MAX_KEYS) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "At most " + MAX_KEYS + " subject keys");
        }
        for (Map.Entry<String, String> key : subjectKeys.entrySet()) {
            if (!KEY_ID.matcher(key.getKey()).matches() || decoded(key.getValue()) == null) {
                throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "subjectKeys must map key ids (16 to 64 "
                        + "base64url characters) to 32-byte keys in base64url");
            }
        }
    }

    /** Reads the request body, refusing anything but {@code submission} and {@code subjectKeys}. */
    public static KeyedSubmission parse(String json) {
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = SignedContent.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.path("submission").isTextual()
                || (node.has("subjectKeys") && !node.get("subjectKeys").isObject()) || node.size() > 2
                || (node.size() == 2 && !node.has("subjectKeys"))) {
            throw new ProblemException(ProblemTypes.MALFORMED_REQUEST, 400, "A " + MEDIA_TYPE + " body is "
                    + "{\"submission\": the JWS in compact serialization, \"subjectKeys\": {keyId: base64url key}}");
        }
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
        node.path("subjectKeys").fields().forEachRemaining(e -> keys.put(e.getKey(), e.getValue().isTextual()
                ? e.getValue().asText() : null));
        return new KeyedSubmission(node.get("submission").asText(), keys);
    }

    /** The key of that id in raw bytes, or null if none was sent. */
    public byte[] key(String keyId) {
        String encoded = subjectKeys.get(keyId);
        return encoded == null ? null : decoded(encoded);
    }

    private static byte[] decoded(String value) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(value == null ? "" : value);
            return raw.length == 32 ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "KeyedSubmission[" + subjectKeys.size() + " subject keys]";
    }
}
