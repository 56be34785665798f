package org.ewn.trust;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedEnvelopeTest {

    // RFC 8037 Appendix A.1 (key) and A.4 (signature)
    private static final byte[] RFC_D = base64url("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
    private static final byte[] RFC_X = base64url("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    private static final String RFC_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
            + ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final byte[] NO_SIGNATURE = new byte[64];

    @Test
    void acceptsTheExampleOfRfc8037() throws Exception {
        SignedEnvelope envelope = SignedEnvelope.parse(RFC_JWS);

        assertThat(envelope.algorithm()).isEqualTo(JwsAlgorithm.EDDSA);
        assertThat(envelope.payloadText()).isEqualTo("Example of Ed25519 signing");
        assertThat(envelope.keyId()).isEmpty();
        assertThat(envelope.type()).isEmpty();
        assertThat(envelope.compact()).isEqualTo(RFC_JWS);
        PublicKey jdkKey = rfcPublicKey(KeyFactory.getInstance("Ed25519"));
        PublicKey bouncyCastleKey = rfcPublicKey(KeyFactory.getInstance("Ed25519", BouncyCastle.PROVIDER));
        assertThat(envelope.verify(jdkKey)).as("JDK key").isTrue();
        assertThat(envelope.verify(bouncyCastleKey)).as("Bouncy Castle key").isTrue();
        assertThat(envelope.verify(SignedEnvelope.verifierFor(jdkKey))).isTrue();
    }

    @Test
    void reproducesTheExampleOfRfc8037WhenSigning() throws Exception {
        byte[] payload = "Example of Ed25519 signing".getBytes(StandardCharsets.UTF_8);
        byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(new Ed25519PrivateKeyParameters(RFC_D)).getEncoded();

        for (KeyFactory keys : new KeyFactory[] {KeyFactory.getInstance("Ed25519"),
                KeyFactory.getInstance("Ed25519", BouncyCastle.PROVIDER)}) {
            PrivateKey key = keys.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            assertThat(SignedEnvelope.sign(payload, null, null, key)).as(keys.getProvider().getName()).isEqualTo(RFC_JWS);
        }
    }

    @Test
    void signsAgainWithTheKeyItHeldAndNeverWithAnother() throws Exception {
        byte[] payload = "Example of Ed25519 signing".getBytes(StandardCharsets.UTF_8);
        PrivateKey rfcKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                PrivateKeyInfoFactory.createPrivateKeyInfo(new Ed25519PrivateKeyParameters(RFC_D)).getEncoded()));
        KeyPair other = generate("Ed25519", null);

        for (int round = 0; round < 3; round++) {
            assertThat(SignedEnvelope.sign(payload, null, null, rfcKey)).isEqualTo(RFC_JWS);
            String otherSigned = SignedEnvelope.sign(payload, null, null, other.getPrivate());
            assertThat(otherSigned).isNotEqualTo(RFC_JWS);
            assertThat(SignedEnvelope.parse(otherSigned).verify(SignedEnvelope.verifierFor(other.getPublic())))
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "EC"})
    void roundTripsWithKeysOfEitherProvider(String algorithm) throws Exception {
        for (KeyPair keys : new KeyPair[] {generate(algorithm, null), generate(algorithm, BouncyCastle.PROVIDER)}) {
            byte[] payload = "{\"alert\":\"Flood warning, \u00c9lbe \u2191 7.2 m\"}".getBytes(StandardCharsets.UTF_8);

            SignedEnvelope envelope = SignedEnvelope.parse(
                    SignedEnvelope.sign(payload, "agency-7/2025-01", "ewn-submission+jws", keys.getPrivate()));

            assertThat(envelope.algorithm()).isEqualTo(algorithm.equals("EC") ? JwsAlgorithm.ES256 : JwsAlgorithm.EDDSA);
            assertThat(envelope.keyId()).contains("agency-7/2025-01");
            assertThat(envelope.type()).contains("ewn-submission+jws");
            assertThat(envelope.payload()).isEqualTo(payload);
            assertThat(envelope.payloadText()).isEqualTo(new String(payload, StandardCharsets.UTF_8));
            assertThat(envelope.verify(keys.getPublic())).isTrue();
            assertThat(envelope.verify(SignedEnvelope.verifierFor(keys.getPublic()))).isTrue();
        }
    }

    @Test
    void writesTheProtectedHeaderAsCanonicalJson() throws Exception {
        KeyPair keys = generate("Ed25519", BouncyCastle.PROVIDER);
        String compact = SignedEnvelope.sign(new byte[] {1}, "agency \"A\" \u00e9\u20ac", "t\u0001", keys.getPrivate());

        String header = new String(base64url(compact.substring(0, compact.indexOf('.'))), StandardCharsets.UTF_8);

        assertThat(header).isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"agency \\\"A\\\" \u00e9\u20ac\",\"typ\":\"t\\u0001\"}");
        assertThat(SignedEnvelope.parse(compact).keyId()).contains("agency \"A\" \u00e9\u20ac");
        assertThat(SignedEnvelope.sign(new byte[] {1}, null, null, keys.getPrivate())).startsWith("eyJhbGciOiJFZERTQSJ9.");
    }

    @Test
    void writesEs256SignaturesAsRAndSThatTheJdkAlsoAccepts() throws Exception {
        KeyPair keys = generate("EC", null);
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        // enough signatures that some R or S has a leading zero byte and must still take 32 bytes
        for (int i = 0; i < 300; i++) {
            String compact = SignedEnvelope.sign(("alert " + i).getBytes(StandardCharsets.UTF_8), null, null, keys.getPrivate());
            int lastDot = compact.lastIndexOf('.');
            jdk.initVerify(keys.getPublic());
            jdk.update(compact.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));

            assertThat(jdk.verify(base64url(compact.substring(lastDot + 1)))).as("signature %d", i).isTrue();
        }
    }

    @Test
    void neverVerifiesAnEdDsaEnvelopeWithAnEcKeyNorTheReverse() throws Exception {
        KeyPair ed = generate("Ed25519", BouncyCastle.PROVIDER);
        KeyPair ec = generate("EC", BouncyCastle.PROVIDER);
        SignedEnvelope edEnvelope = SignedEnvelope.parse(SignedEnvelope.sign(new byte[] {7}, null, null, ed.getPrivate()));
        SignedEnvelope ecEnvelope = SignedEnvelope.parse(SignedEnvelope.sign(new byte[] {7}, null, null, ec.getPrivate()));

        assertThat(edEnvelope.verify(ec.getPublic())).isFalse();
        assertThat(ecEnvelope.verify(ed.getPublic())).isFalse();
        assertThat(edEnvelope.verify(SignedEnvelope.verifierFor(ec.getPublic()))).isFalse();
        assertThat(ecEnvelope.verify(SignedEnvelope.verifierFor(ed.getPublic()))).isFalse();
        assertThat(edEnvelope.verify(generate("Ed25519", null).getPublic())).as("another Ed25519 key").isFalse();
        assertThat(ecEnvelope.verify(generate("EC", null).getPublic())).as("another P-256 key").isFalse();
    }

    @Test
    void checksASignatureOnlyWithTheAlgorithmTheHeaderNames() throws Exception {
        KeyPair ed = generate("Ed25519", null);
        KeyPair ec = generate("EC", null);
        String claimsEs256 = encode("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.US_ASCII)) + ".e30";
        String claimsEdDsa = encode("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.US_ASCII)) + ".e30";
        // signatures that are genuine, but made with the other algorithm than the header says
        SignedEnvelope edSignedAsEs256 = SignedEnvelope.parse(claimsEs256 + "." + encode(rawSignature("Ed25519", ed, claimsEs256)));
        SignedEnvelope ecSignedAsEdDsa = SignedEnvelope.parse(
                claimsEdDsa + "." + encode(rawSignature("SHA256withECDSAinP1363Format", ec, claimsEdDsa)));

        assertThat(edSignedAsEs256.verify(ed.getPublic())).isFalse();
        assertThat(edSignedAsEs256.verify(SignedEnvelope.verifierFor(ed.getPublic()))).isFalse();
        assertThat(ecSignedAsEdDsa.verify(ec.getPublic())).isFalse();
        assertThat(ecSignedAsEdDsa.verify(SignedEnvelope.verifierFor(ec.getPublic()))).isFalse();
    }

    @Test
    void answersFalseForKeysTheNetworkDoesNotUse() throws Exception {
        SignedEnvelope envelope = SignedEnvelope.parse(RFC_JWS);
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        assertThat(envelope.verify(p384.generateKeyPair().getPublic())).isFalse();
        assertThat(envelope.verify(rsa.generateKeyPair().getPublic())).isFalse();
        assertThat(envelope.verify(KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic())).isFalse();
        assertThatThrownBy(() -> SignedEnvelope.verifierFor(rsa.generateKeyPair().getPublic()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EdDSA").hasMessageContaining("ES256");
        assertThatThrownBy(() -> SignedEnvelope.sign(new byte[] {1}, null, null, p384.generateKeyPair().getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersFalseForEs256SignaturesWhoseROrSIsOutOfRange() throws Exception {
        KeyPair keys = generate("EC", null);
        BigInteger n = ((ECPublicKey) keys.getPublic()).getParams().getOrder();
        BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        EnvelopeVerifier verifier = SignedEnvelope.verifierFor(keys.getPublic());
        BigInteger[][] pairs = {{BigInteger.ZERO, BigInteger.ONE}, {BigInteger.ONE, BigInteger.ZERO},
                {n, BigInteger.ONE}, {BigInteger.ONE, n}, {max, max}, {BigInteger.ZERO, BigInteger.ZERO}};

        for (BigInteger[] rs : pairs) {
            byte[] signature = new byte[64];
            copyRight(rs[0].toByteArray(), signature, 32);
            copyRight(rs[1].toByteArray(), signature, 64);
            SignedEnvelope envelope = SignedEnvelope.parse(compact("{\"alg\":\"ES256\"}", "e30", signature));

            assertThat(envelope.verify(verifier)).as("R=%s S=%s", rs[0], rs[1]).isFalse();
            assertThat(envelope.verify(keys.getPublic())).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519", "EC"})
    void acceptsNoEnvelopeWithAnyOneCharacterChanged(String algorithm) throws Exception {
        KeyPair keys = generate(algorithm, BouncyCastle.PROVIDER);
        String valid = SignedEnvelope.sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "k1", null, keys.getPrivate());
        EnvelopeVerifier verifier = SignedEnvelope.verifierFor(keys.getPublic());
        assertThat(SignedEnvelope.parse(valid).verify(verifier)).isTrue();
        int refusedByParse = 0;
        int refusedByVerify = 0;

        for (int position = 0; position < valid.length(); position++) {
            for (char replacement : BASE64URL.toCharArray()) {
                if (replacement == valid.charAt(position)) {
                    continue;
                }
                String tampered = valid.substring(0, position) + replacement + valid.substring(position + 1);
                SignedEnvelope envelope;
                try {
                    envelope = SignedEnvelope.parse(tampered);
                } catch (TrustException e) {
                    assertThat(e.failure()).isEqualTo(TrustFailure.MALFORMED_ENVELOPE);
                    refusedByParse++;
                    continue;
                }
                assertThat(envelope.verify(verifier)).as("%s accepted", tampered).isFalse();
                refusedByVerify++;
            }
        }
        // both defences were exercised: strict parsing (header, dots, last character of each part) and signatures
        assertThat(refusedByParse).isPositive();
        assertThat(refusedByVerify).isPositive();
    }

    @Test
    void sharesOneVerifierAcrossThreads() throws Exception {
        KeyPair keys = generate("Ed25519", BouncyCastle.PROVIDER);
        EnvelopeVerifier verifier = SignedEnvelope.verifierFor(keys.getPublic());
        SignedEnvelope[] envelopes = IntStream.range(0, 64)
                .mapToObj(i -> SignedEnvelope.parse(SignedEnvelope.sign(new byte[] {(byte) i}, null, null, keys.getPrivate())))
                .toArray(SignedEnvelope[]::new);

        assertThat(IntStream.range(0, 2_000).parallel().allMatch(i -> envelopes[i % 64].verify(verifier))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "blank                     | `   `                               | The envelope is empty",
            "no dot                    | eyJhbGciOiJFZERTQSJ9                | exactly 3 parts separated by '.' (header.payload.signature); this one has 1",
            "two parts                 | eyJhbGciOiJFZERTQSJ9.e30            | this one has 2",
            "four parts                | eyJhbGciOiJFZERTQSJ9.e30.AAAA.AAAA  | this one has 4",
            "empty header              | .e30.AAAA                           | The protected header is empty",
            "empty payload             | eyJhbGciOiJFZERTQSJ9..AAAA          | The payload is empty; detached",
            "empty signature           | eyJhbGciOiJFZERTQSJ9.e30.           | The signature is empty",
            "padding                   | eyJhbGciOiJFZERTQSJ9.e30=.AAAA      | base64 padding '=' at position 24",
            "standard base64 plus      | eyJhbGciOiJFZERTQSJ9.e3+.AAAA       | Character '+' (U+002B) at position 23 of the payload",
            "standard base64 slash     | eyJhbGciOiJFZERTQSJ9.e30.AA/A       | Character '/' (U+002F) at position 27 of the signature",
            "whitespace                | eyJhbGciOiJFZERTQSJ9.e3 0.AAAA      | Character ' ' (U+0020) at position 23",
            "non-ASCII                 | eyJhbGciOiJFZERTQSJ9.e3\u00e9.AAAA  | Character '\u00e9' (U+00E9)",
            "unused bits set           | eyJhbGciOiJFZERTQSJ9.e31.AAAA       | payload is not canonical base64url",
            "impossible length         | eyJhbGciOiJFZERTQSJ9.e30AA.AAAA     | payload is not canonical base64url",
    })
    void refusesMalformedCompactSerializations(String what, String compact, String reason) {
        assertMalformed(compact, reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not JSON                  | alg: EdDSA                                  | not valid JSON",
            "JSON array                | [\"EdDSA\"]                                 | must be a JSON object",
            "JSON string               | \"EdDSA\"                                   | must be a JSON object",
            "duplicate alg             | {\"alg\":\"EdDSA\",\"alg\":\"none\"}        | Duplicate field 'alg'",
            "trailing tokens           | {\"alg\":\"EdDSA\"} {}                      | not valid JSON",
            "no alg                    | {\"kid\":\"k1\"}                            | needs \"alg\" as a string; supported: EdDSA, ES256",
            "alg not a string          | {\"alg\":[\"EdDSA\"]}                       | needs \"alg\" as a string",
            "alg none                  | {\"alg\":\"none\"}                          | alg \"none\" (an unsigned JWS) is refused",
            "alg HS256                 | {\"alg\":\"HS256\"}                         | alg \"HS256\" (a shared-secret HMAC) is refused",
            "alg HS512                 | {\"alg\":\"HS512\"}                         | alg \"HS512\" (a shared-secret HMAC) is refused",
            "alg RS256                 | {\"alg\":\"RS256\"}                         | Unsupported alg \"RS256\"; supported: EdDSA, ES256",
            "alg in another case       | {\"alg\":\"eddsa\"}                         | Unsupported alg \"eddsa\"",
            "crit                      | {\"alg\":\"EdDSA\",\"crit\":[\"exp\"],\"exp\":1} | \"crit\" header is not supported",
            "b64 false                 | {\"alg\":\"EdDSA\",\"b64\":false}           | \"b64\": false",
            "b64 not a boolean         | {\"alg\":\"EdDSA\",\"b64\":\"false\"}       | \"b64\" must be a boolean",
            "kid a number              | {\"alg\":\"EdDSA\",\"kid\":7}               | \"kid\" must be a string when present, not NUMBER",
            "typ null                  | {\"alg\":\"ES256\",\"typ\":null}            | \"typ\" must be a string when present, not NULL",
    })
    void refusesHeadersItCannotHonour(String what, String header, String reason) {
        assertMalformed(compact(header, "e30", NO_SIGNATURE), reason);
    }

    @ParameterizedTest
    @CsvSource({"EdDSA, 63", "EdDSA, 65", "ES256, 32", "ES256, 72"})
    void refusesSignaturesOfTheWrongLength(String alg, int length) {
        assertMalformed(compact("{\"alg\":\"" + alg + "\"}", "e30", new byte[length]),
                "The signature is " + length + " bytes long; " + alg + " signatures are 64 bytes");
    }

    @Test
    void refusesEnvelopesOverOneMebibyteButNotAtIt() {
        String header = encode("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8));
        String signature = encode(NO_SIGNATURE);
        int payloadLength = SignedEnvelope.MAX_LENGTH - header.length() - signature.length() - 2;
        assertThat(payloadLength % 4).isNotEqualTo(1);
        String atLimit = header + "." + "A".repeat(payloadLength) + "." + signature;

        assertThat(SignedEnvelope.parse(atLimit).payload()).hasSize(payloadLength * 3 / 4);
        assertMalformed(header + "." + "A".repeat(payloadLength + 4) + "." + signature, "the limit is 1048576 (1 MiB)");
    }

    @Test
    void refusesNull() {
        assertMalformed(null, "The envelope is empty");
    }

    @Test
    void refusesToSignAnEmptyPayloadItWouldNotAccept() throws Exception {
        PrivateKey key = generate("Ed25519", null).getPrivate();

        assertThatThrownBy(() -> SignedEnvelope.sign(new byte[0], null, null, key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsEachEnvelopesOwnHeaderWhenHeadersAlternate() {
        for (int round = 0; round < 3; round++) {
            for (String kid : new String[] {"k1", "k2", "k1-longer"}) {
                SignedEnvelope envelope = SignedEnvelope.parse(compact("{\"alg\":\"EdDSA\",\"kid\":\"" + kid
                        + "\",\"typ\":\"t-" + kid + "\"}", "e30", NO_SIGNATURE));

                assertThat(envelope.keyId()).contains(kid);
                assertThat(envelope.type()).contains("t-" + kid);
                assertThat(envelope.algorithm()).isEqualTo(JwsAlgorithm.EDDSA);
            }
            assertThat(SignedEnvelope.parse(compact("{\"alg\":\"ES256\"}", "e30", NO_SIGNATURE)).algorithm())
                    .isEqualTo(JwsAlgorithm.ES256);
            // a header too long to be kept is read afresh each time, with the same result
            String longKid = "k".repeat(600) + round;
            assertThat(SignedEnvelope.parse(compact("{\"alg\":\"EdDSA\",\"kid\":\"" + longKid + "\"}", "e30",
                                                    NO_SIGNATURE)).keyId()).contains(longKid);
        }
    }

    @Test
    void refusesAHeaderAsOftenAsItComes() {
        String noneAlg = compact("{\"alg\":\"none\",\"kid\":\"k1\"}", "e30", NO_SIGNATURE);

        for (int i = 0; i < 3; i++) {
            assertMalformed(noneAlg, "alg \"none\"");
            assertThat(SignedEnvelope.parse(compact("{\"alg\":\"EdDSA\",\"kid\":\"k1\"}", "e30", NO_SIGNATURE))
                    .keyId()).contains("k1");
        }
    }

    @Test
    void leavesThePayloadUntouchedByCallers() {
        SignedEnvelope envelope = SignedEnvelope.parse(RFC_JWS);

        Arrays.fill(envelope.payload(), (byte) 0);

        assertThat(envelope.payloadText()).isEqualTo("Example of Ed25519 signing");
        assertThat(envelope).isEqualTo(SignedEnvelope.parse(RFC_JWS)).hasSameHashCodeAs(SignedEnvelope.parse(RFC_JWS));
    }

    private static void assertMalformed(String compact, String reason) {
        assertThatThrownBy(() -> SignedEnvelope.parse(compact))
                .isInstanceOfSatisfying(TrustException.class,
                        e -> assertThat(e.failure()).isEqualTo(TrustFailure.MALFORMED_ENVELOPE))
                .hasMessageContaining(reason);
    }

    private static String compact(String headerJson, String payload, byte[] signature) {
        return encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + payload + "." + encode(signature);
    }

    private static KeyPair generate(String algorithm, Provider provider) throws Exception {
        KeyPairGenerator generator = provider == null
                ? KeyPairGenerator.getInstance(algorithm) : KeyPairGenerator.getInstance(algorithm, provider);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair();
    }

    private static PublicKey rfcPublicKey(KeyFactory keys) throws Exception {
        byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new Ed25519PublicKeyParameters(RFC_X)).getEncoded();
        return keys.generatePublic(new X509EncodedKeySpec(spki));
    }

    /** A signature by the JDK, outside the envelope code. */
    private static byte[] rawSignature(String jcaAlgorithm, KeyPair keys, String signingInput) throws Exception {
        Signature signer = Signature.getInstance(jcaAlgorithm);
        signer.initSign(keys.getPrivate());
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signer.sign();
    }

    private static void copyRight(byte[] unsigned, byte[] target, int end) {
        int length = Math.min(32, unsigned.length);
        System.arraycopy(unsigned, unsigned.length - length, target, end - length, length);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] base64url(String text) {
        return Base64.getUrlDecoder().decode(text);
    }
}
