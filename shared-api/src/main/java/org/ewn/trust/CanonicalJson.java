package org.ewn.trust;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 8785 (JCS) canonical JSON, the form that is hashed and signed.
 *
 * <p>The erdtman canonicalizer is lenient about its input (it accepts leading zeros, lone
 * surrogates, invalid UTF-8 and only objects or arrays at the top), so every input is first checked
 * to be a single I-JSON value (RFC 7493) with Jackson; only then does the library produce the
 * canonical text. Two texts that differ in a way JCS cannot see would otherwise sign the same.
 */
public final class CanonicalJson {

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of {@code utf8Json}; throws {@code MALFORMED_ENVELOPE} if it is not I-JSON. */
    public static byte[] canonicalize(byte[] utf8Json) {
        return canonicalize(decodeStrictly(utf8Json)).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of {@code json}; throws {@code MALFORMED_ENVELOPE} if it is not I-JSON. */
    public static String canonicalize(String json) {
        boolean container = checkIJson(json);
        // the library only takes an object or an array at the top, so a lone value travels in an array
        String input = container ? json : "[" + json + "]";
        String canonical;
        try {
            canonical = new JsonCanonicalizer(input).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw malformed(e.getMessage(), e);
        }
        return container ? canonical : canonical.substring(1, canonical.length() - 1);
    }

    /**
     * Whether the bytes are already in canonical form. Throws {@code MALFORMED_ENVELOPE} rather than
     * answering false when they are not I-JSON at all, so the caller can say what is wrong.
     */
    public static boolean isCanonical(byte[] utf8Json) {
        return Arrays.equals(utf8Json, canonicalize(utf8Json));
    }

    private static String decodeStrictly(byte[] utf8) {
        try {
            // Jackson lets overlong UTF-8 through; the JDK decoder in REPORT mode does not
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("not valid UTF-8 (" + e.getMessage() + ")", e);
        }
    }

    /** Returns whether the single top-level value is an object or an array. */
    private static boolean checkIJson(String json) {
        try (JsonParser parser = STRICT.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw malformed("no JSON value (empty input)", null);
            }
            int depth = 0;
            JsonToken token = first;
            do {
                checkToken(parser, token);
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            } while (depth > 0 && (token = parser.nextToken()) != null);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw malformed("more than one JSON value: another starts at " + location(parser), null);
            }
            return first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY;
        } catch (JsonProcessingException e) {
            throw malformed(e.getOriginalMessage() + " at " + location(e), e);
        } catch (IOException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    private static void checkToken(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
            checkCodePoints(parser.getText(), parser);
        } else if (token.isNumeric() && !Double.isFinite(parser.getDoubleValue())) {
            throw malformed("number " + parser.getText() + " is outside the IEEE 754 double range at "
                    + location(parser), null);
        }
    }

    // RFC 7493 §2.1: no surrogates (unpaired ones, that is) and no noncharacters in names or strings
    private static void checkCodePoints(String text, JsonParser parser) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    throw malformed(String.format("noncharacter U+%X at %s", codePoint, location(parser)), null);
                }
            } else if (Character.isSurrogate(c)) {
                throw malformed(String.format("lone surrogate \\u%04x at %s", (int) c, location(parser)), null);
            } else if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
                throw malformed(String.format("noncharacter U+%04X at %s", (int) c, location(parser)), null);
            }
        }
    }

    private static String location(JsonParser parser) {
        return "line " + parser.currentTokenLocation().getLineNr()
                + ", column " + parser.currentTokenLocation().getColumnNr();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static TrustException malformed(String what, Throwable cause) {
        return new TrustException(TrustFailure.MALFORMED_ENVELOPE, "Not I-JSON, cannot canonicalize: " + what, cause);
    }
}
