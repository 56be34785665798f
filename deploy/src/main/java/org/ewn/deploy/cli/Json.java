package org.ewn.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.TrustException;

import java.nio.charset.StandardCharsets;

/** JSON as the network signs it: strict on the way in (I-JSON, no duplicate names), canonical on the way out. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a JSON object, refusing what canonical JSON cannot represent faithfully. */
    static ObjectNode parseObject(String text, String what) {
        JsonNode node;
        try {
            CanonicalJson.canonicalize(text);
            node = MAPPER.readTree(text);
        } catch (TrustException e) {
            throw new CliFailure(what + " is not usable JSON: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new CliFailure(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!(node instanceof ObjectNode)) {
            throw new CliFailure(what + " must be a JSON object, not "
                    + (node == null ? "nothing" : node.getNodeType()));
        }
        return (ObjectNode) node;
    }

    static ObjectNode parseObject(byte[] utf8, String what) {
        return parseObject(new String(utf8, StandardCharsets.UTF_8), what);
    }

    /** RFC 8785 canonical UTF-8 bytes: what is signed and hashed. */
    static byte[] canonical(JsonNode node) {
        try {
            return CanonicalJson.canonicalize(MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A string field, or null when it is missing or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
