package org.ewn.seal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The strict reading of sealed content: exactly the members the network writes, with exactly its algorithms and
 * lengths, every binary value in unpadded, canonical base64url. A refusal names the field, never its value.
 */
final class SealedJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String TOP = "the top level";
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int KEY_BYTES = 32;
    private static final int WRAPPED_KEY_BYTES = KEY_BYTES + 8;

    private SealedJson() {
    }

    static String base64url(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static JsonNode tree(String json) {
        if (json == null) {
            throw SealException.malformed(TOP, "is missing");
        }
        return tree(json, TOP);
    }

    static SealedContent read(JsonNode json) {
        members(json, TOP, "protected", "recipients", "iv", "ciphertext", "tag");
        String protectedHeader = text(json.get("protected"), "protected");
        checkProtectedHeader(protectedHeader);
        List<WrappedKey> recipients = recipients(json.get("recipients"));
        byte[] iv = bytes(json.get("iv"), "iv", SealedContent.IV_BYTES);
        byte[] ciphertext = bytes(json.get("ciphertext"), "ciphertext", -1);
        byte[] tag = bytes(json.get("tag"), "tag", SealedContent.TAG_BYTES);
        return new SealedContent(protectedHeader, recipients, iv, ciphertext, tag);
    }

    private static void checkProtectedHeader(String encoded) {
        byte[] decoded = bytes(encoded, "protected", -1);
        JsonNode header = tree(new String(decoded, StandardCharsets.UTF_8), "protected");
        members(header, "protected", "enc", "cty");
        exactly(header.get("enc"), "protected.enc", "A256GCM");
        exactly(header.get("cty"), "protected.cty", "ewn-sealed");
    }

    private static List<WrappedKey> recipients(JsonNode list) {
        if (list == null || !list.isArray()) {
            throw SealException.malformed("recipients", "is not an array");
        }
        if (list.isEmpty() || list.size() > SealedContent.MAX_RECIPIENTS) {
            throw SealException.malformed("recipients", "must name 1 to " + SealedContent.MAX_RECIPIENTS
                    + " recipients, not " + list.size());
        }
        List<WrappedKey> recipients = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "recipients[" + i + "]";
            WrappedKey recipient = recipient(list.get(i), field);
            if (!kids.add(recipient.kid())) {
                throw SealException.malformed(field + ".header.kid", "names a recipient named before");
            }
            recipients.add(recipient);
        }
        return recipients;
    }

    private static WrappedKey recipient(JsonNode recipient, String field) {
        members(recipient, field, "header", "encrypted_key");
        JsonNode header = recipient.get("header");
        members(header, field + ".header", "alg", "kid", "epk");
        exactly(header.get("alg"), field + ".header.alg", EcdhEs.ALGORITHM);
        String kid = text(header.get("kid"), field + ".header.kid");
        if (kid.length() != 43 || !BASE64URL.matcher(kid).matches()) {
            throw SealException.malformed(field + ".header.kid", "is not a network key id");
        }
        bytes(kid, field + ".header.kid", KEY_BYTES);
        JsonNode epk = header.get("epk");
        members(epk, field + ".header.epk", "kty", "crv", "x");
        exactly(epk.get("kty"), field + ".header.epk.kty", "OKP");
        exactly(epk.get("crv"), field + ".header.epk.crv", "X25519");
        byte[] x = bytes(epk.get("x"), field + ".header.epk.x", KEY_BYTES);
        // an X25519 u-coordinate is below 2^255; a set top bit is ignored by X25519, so it would only make copies
        if ((x[KEY_BYTES - 1] & 0x80) != 0) {
            throw SealException.malformed(field + ".header.epk.x", "is not an X25519 public key");
        }
        byte[] encryptedKey = bytes(recipient.get("encrypted_key"), field + ".encrypted_key", WRAPPED_KEY_BYTES);
        return new WrappedKey(kid, x, encryptedKey);
    }

    private static JsonNode tree(String json, String field) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input
            throw SealException.malformed(field, "is not JSON with each member named once");
        } catch (IOException e) {
            throw SealException.malformed(field, "is not readable");
        }
    }

    /** An object with exactly these members. */
    private static void members(JsonNode node, String field, String... names) {
        if (node == null || !node.isObject()) {
            throw SealException.malformed(field, "is not a JSON object");
        }
        for (String name : names) {
            if (!node.has(name)) {
                throw SealException.malformed(TOP.equals(field) ? name : field + "." + name, "is missing");
            }
        }
        if (node.size() != names.length) {
            throw SealException.malformed(field, "has members other than " + String.join(", ", names));
        }
    }

    private static void exactly(JsonNode node, String field, String expected) {
        if (!expected.equals(text(node, field))) {
            throw SealException.malformed(field, "must be " + expected);
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw SealException.malformed(field, "is not a string");
        }
        return node.textValue();
    }

    private static byte[] bytes(JsonNode node, String field, int length) {
        return bytes(text(node, field), field, length);
    }

    /** Unpadded base64url that encodes back to the same text, of the given length unless it is negative. */
    private static byte[] bytes(String text, String field, int length) {
        byte[] decoded;
        try {
            if (!BASE64URL.matcher(text).matches()) {
                throw new IllegalArgumentException();
            }
            decoded = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw SealException.malformed(field, "is not base64url");
        }
        if (!base64url(decoded).equals(text)) {
            throw SealException.malformed(field, "is not canonical base64url");
        }
        if (length >= 0 && decoded.length != length) {
            throw SealException.malformed(field, "is not " + length + " bytes");
        }
        return decoded;
    }
}
