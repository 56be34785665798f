package org.ewn.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JWS (RFC 7515) in compact serialization: the form of every submission to the network and of
 * every receipt it gives back. Parsing is strict so that one payload has one accepted encoding;
 * the payload itself is left undecoded for the gate to read.
 */
public final class SignedEnvelope {

    /** Bouncy Castle's ECDSA with the R||S signature form of RFC 7518 §3.4 instead of DER. */
    static final String ES256_JCA_NAME = "SHA256withPLAIN-ECDSA";
    static final int MAX_LENGTH = 1024 * 1024;
    private static final int SIGNATURE_LENGTH = 64;
    private static final String SUPPORTED = "supported: EdDSA, ES256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper HEADERS = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String compact;
    // the JWS signing input is the prefix of these bytes up to the second dot, so verifying copies nothing
    private final byte[] ascii;
    private final int signingInputLength;
    private final JwsAlgorithm algorithm;
    private final String keyId;
    private final String type;
    private final byte[] payload;
    private final byte[] signature;

    /**
     * Protected headers already read, by their encoding: the envelopes of one key repeat theirs, and reading it was a
     * third of parsing one. Bounded by the number of keys in practice; emptied should a stream of odd headers fill it.
     */
    private static final Map<String, Header> KNOWN_HEADERS = new ConcurrentHashMap<>();
    private static final int KNOWN_HEADERS_MAX = 1024;
    /** Longer headers are read every time, so that the cache stays small whatever envelopes arrive. */
    private static final int KNOWN_HEADER_MAX_LENGTH = 512;
    /**
     * Bouncy Castle's form of each Ed25519 key that signed, for as long as the key is in use. An Ed25519 signature
     * needs the public key as well as the private one; the form keeps it once derived, whereas deriving it again
     * for every signature, from a form made afresh each time, cost as much as the signature itself.
     */
    private static final Map<PrivateKey, Ed25519PrivateKeyParameters> ED25519_KEYS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private SignedEnvelope(String compact, byte[] ascii, int signingInputLength, Header header, byte[] payload,
                           byte[] signature) {
        this.compact = compact;
        this.ascii = ascii;
        this.signingInputLength = signingInputLength;
        this.algorithm = header.algorithm();
        this.keyId = header.keyId();
        this.type = header.type();
        this.payload = payload;
        this.signature = signature;
    }

    /** A protected header, read and checked. */
    private record Header(JwsAlgorithm algorithm, String keyId, String type) {
    }

    /** Signs {@code payload} with an Ed25519 (EdDSA) or P-256 (ES256) key; kid and typ are left out when null. */
    public static String sign(byte[] payload, String keyId, String type, PrivateKey key) {
        JwsAlgorithm algorithm = JwsAlgorithm.forKey(key);
        ObjectNode header = HEADERS.createObjectNode().put("alg", algorithm.jwsName());
        if (keyId != null) {
            header.put("kid", keyId);
        }
        if (type != null) {
            header.put("typ", type);
        }
        try {
            return signWithHeader(CanonicalJson.canonicalize(HEADERS.writeValueAsBytes(header)), payload, algorithm, key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JWS header", e);
        }
    }

    private static String signWithHeader(byte[] protectedHeader, byte[] payload, JwsAlgorithm algorithm, PrivateKey key) {
        if (payload.length == 0) {
            throw new IllegalArgumentException("Empty payload: the network refuses empty envelopes");
        }
        String signingInput = ENCODER.encodeToString(protectedHeader) + "." + ENCODER.encodeToString(payload);
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] signature = algorithm == JwsAlgorithm.EDDSA ? signEd25519(input, key) : signEs256(input, key);
            return signingInput + "." + ENCODER.encodeToString(signature);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot sign with this " + algorithm.jwsName() + " key: " + e.getMessage(), e);
        }
    }

    private static byte[] signEd25519(byte[] input, PrivateKey key) throws IOException {
        Ed25519PrivateKeyParameters parameters = ED25519_KEYS.get(key);
        if (parameters == null) {
            if (!(PrivateKeyFactory.createKey(key.getEncoded()) instanceof Ed25519PrivateKeyParameters read)) {
                throw new IOException("not an Ed25519 private key");
            }
            parameters = read;
            ED25519_KEYS.put(key, parameters);
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, parameters);
        signer.update(input, 0, input.length);
        return signer.generateSignature();
    }

    private static byte[] signEs256(byte[] input, PrivateKey key) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(ES256_JCA_NAME, BouncyCastle.PROVIDER);
        signer.initSign(key);
        signer.update(input);
        return signer.sign();
    }

    /** Reads a compact JWS; throws {@code MALFORMED_ENVELOPE} saying what is wrong with it. */
    public static SignedEnvelope parse(String compact) {
        if (compact == null || compact.isBlank()) {
            throw malformed("The envelope is empty; expected a JWS in compact serialization: header.payload.signature");
        }
        if (compact.length() > MAX_LENGTH) {
            throw malformed("The envelope is " + compact.length() + " characters long; the limit is " + MAX_LENGTH + " (1 MiB)");
        }
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0) {
            long parts = compact.chars().filter(c -> c == '.').count() + 1;
            throw malformed("A compact JWS has exactly 3 parts separated by '.' (header.payload.signature); this one has " + parts);
        }
        Base64Url.check(compact, 0, firstDot, "protected header");
        Base64Url.check(compact, firstDot + 1, secondDot, "payload");
        Base64Url.check(compact, secondDot + 1, compact.length(), "signature");
        byte[] ascii = compact.getBytes(StandardCharsets.US_ASCII);
        Header header = header(compact, ascii, firstDot);
        byte[] signature = Base64Url.decode(ascii, secondDot + 1, ascii.length);
        if (signature.length != SIGNATURE_LENGTH) {
            throw malformed("The signature is " + signature.length + " bytes long; " + header.algorithm().jwsName()
                    + " signatures are " + SIGNATURE_LENGTH + " bytes (86 base64url characters)");
        }
        byte[] payload = Base64Url.decode(ascii, firstDot + 1, secondDot);
        return new SignedEnvelope(compact, ascii, secondDot, header, payload, signature);
    }

    private static Header header(String compact, byte[] ascii, int end) {
        String encoded = compact.substring(0, end);
        Header header = KNOWN_HEADERS.get(encoded);
        if (header == null) {
            JsonNode json = header(Base64Url.decode(ascii, 0, end));
            JwsAlgorithm algorithm = algorithm(json.get("alg"));
            checkExtensions(json);
            header = new Header(algorithm, json.has("kid") ? json.get("kid").textValue() : null,
                                json.has("typ") ? json.get("typ").textValue() : null);
            if (encoded.length() <= KNOWN_HEADER_MAX_LENGTH) {
                if (KNOWN_HEADERS.size() >= KNOWN_HEADERS_MAX) {
                    KNOWN_HEADERS.clear();
                }
                KNOWN_HEADERS.put(encoded, header);
            }
        }
        return header;
    }

    private static JsonNode header(byte[] json) {
        JsonNode header;
        try {
            header = HEADERS.readTree(json);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
            throw malformed("The protected header is not valid JSON: " + reason);
        }
        if (!header.isObject()) {
            throw malformed("The protected header must be a JSON object, like {\"alg\":\"EdDSA\",\"kid\":\"...\"}");
        }
        return header;
    }

    private static JwsAlgorithm algorithm(JsonNode alg) {
        if (alg == null || !alg.isTextual()) {
            throw malformed("The protected header needs \"alg\" as a string; " + SUPPORTED);
        }
        String name = alg.textValue();
        if (name.equals("none")) {
            throw malformed("alg \"none\" (an unsigned JWS) is refused; " + SUPPORTED);
        }
        if (name.startsWith("HS")) {
            throw malformed("alg \"" + name + "\" (a shared-secret HMAC) is refused; the network needs a public key signature; " + SUPPORTED);
        }
        return JwsAlgorithm.byName(name)
                .orElseThrow(() -> malformed("Unsupported alg \"" + name + "\"; " + SUPPORTED));
    }

    private static void checkExtensions(JsonNode header) {
        if (header.has("crit")) {
            throw malformed("The \"crit\" header is not supported: the network understands no JWS extensions");
        }
        if (header.has("b64") && !header.get("b64").isBoolean()) {
            throw malformed("\"b64\" must be a boolean, and the network supports only base64url payloads");
        }
        if (header.has("b64") && !header.get("b64").booleanValue()) {
            throw malformed("\"b64\": false (unencoded payload, RFC 7797) is not supported; encode the payload in base64url");
        }
        for (String name : new String[] {"kid", "typ"}) {
            if (header.has(name) && !header.get(name).isTextual()) {
                throw malformed("\"" + name + "\" must be a string when present, not " + header.get(name).getNodeType());
            }
        }
    }

    /** Checks the signature with a key, converting it first; prefer {@link #verify(EnvelopeVerifier)} for repeated use. */
    public boolean verify(PublicKey key) {
        EnvelopeVerifier verifier;
        try {
            verifier = EnvelopeVerifier.of(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(verifier);
    }

    /** False, never an exception, for a wrong signature or a key of another algorithm than the header's. */
    public boolean verify(EnvelopeVerifier verifier) {
        return verifier.algorithm() == algorithm && verifier.verify(ascii, 0, signingInputLength, signature);
    }

    /** Converts a key once for many verifications; IllegalArgumentException if it is not Ed25519 or P-256. */
    public static EnvelopeVerifier verifierFor(PublicKey key) {
        return EnvelopeVerifier.of(key);
    }

    public String compact() {
        return compact;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    public byte[] payload() {
        return payload.clone();
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedEnvelope && ((SignedEnvelope) other).compact.equals(compact);
    }

    @Override
    public int hashCode() {
        return compact.hashCode();
    }

    @Override
    public String toString() {
        return "SignedEnvelope[alg=" + algorithm.jwsName() + ", kid=" + keyId + ", typ=" + type
                + ", payload=" + payload.length + " bytes]";
    }

    static TrustException malformed(String detail) {
        return new TrustException(TrustFailure.MALFORMED_ENVELOPE, detail);
    }

    /** Strict base64url: no padding, and no set bits after the last byte, so one value has one text. */
    private static final class Base64Url {

        private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

        static void check(String text, int from, int to, String part) {
            if (from == to) {
                throw malformed("The " + part + " is empty" + (part.equals("payload")
                        ? "; detached or empty payloads are not accepted" : ""));
            }
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '=') {
                    throw malformed("The " + part + " has base64 padding '=' at position " + i
                            + "; JWS uses base64url without padding (RFC 7515 §2)");
                }
                if (value(c) < 0) {
                    throw malformed(String.format("Character '%c' (U+%04X) at position %d of the %s is not base64url (A-Z a-z 0-9 - _)",
                            c, (int) c, i, part));
                }
            }
            int lastBits = value(text.charAt(to - 1));
            int rest = (to - from) % 4;
            if (rest == 1 || (rest == 2 && (lastBits & 0x0F) != 0) || (rest == 3 && (lastBits & 0x03) != 0)) {
                throw malformed("The " + part + " is not canonical base64url: its length or its last character '"
                        + text.charAt(to - 1) + "' does not encode whole bytes");
            }
        }

        /** Decodes a checked range without copying it first. */
        static byte[] decode(byte[] ascii, int from, int to) {
            ByteBuffer decoded = DECODER.decode(ByteBuffer.wrap(ascii, from, to - from));
            byte[] bytes = decoded.array();
            return decoded.remaining() == bytes.length ? bytes : Arrays.copyOf(bytes, decoded.remaining());
        }

        /** Each ASCII character's value, -1 outside the alphabet: one lookup per character of a 1 KB envelope. */
        private static final byte[] VALUES = new byte[128];

        static {
            Arrays.fill(VALUES, (byte) -1);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            for (int i = 0; i < alphabet.length(); i++) {
                VALUES[alphabet.charAt(i)] = (byte) i;
            }
        }

        private static int value(char c) {
            return c < VALUES.length ? VALUES[c] : -1;
        }
    }
}
