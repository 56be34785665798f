package org.ewn.trust;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8032 §7.1 Ed25519 vectors through the same Bouncy Castle paths that sign and verify envelopes. */
class Ed25519VectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "TEST 1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                    + " d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                    + " e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                    + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
            "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                    + " 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                    + " 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                    + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                    + " fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                    + " 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                    + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
            "TEST SHA(abc), 833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42,"
                    + " ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf,"
                    + " ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f,"
                    + " dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
                    + "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704",
    })
    void matchesRfc8032(String test, String secretHex, String publicHex, String messageHex, String signatureHex)
            throws Exception {
        byte[] secret = HEX.parseHex(secretHex);
        byte[] publicKey = HEX.parseHex(publicHex);
        byte[] message = HEX.parseHex(messageHex);
        byte[] signature = HEX.parseHex(signatureHex);

        assertThat(new Ed25519PrivateKeyParameters(secret).generatePublicKey().getEncoded())
                .as("public key derived from the secret key").isEqualTo(publicKey);
        assertThat(signLikeAnEnvelope(jdkPrivateKey(secret), message)).as("signature").isEqualTo(signature);

        EnvelopeVerifier verifier = EnvelopeVerifier.of(jdkPublicKey(publicKey));
        assertThat(verifier.verify(message, 0, message.length, signature)).as("envelope verifier").isTrue();
        assertThat(bouncyCastleVerifies(publicKey, message, signature)).as("raw Bouncy Castle").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "TEST 2, 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                    + " 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                    + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
            "TEST 3, fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                    + " 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                    + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    void refusesEveryOneBitChangeOfMessageOrSignature(String test, String publicHex, String messageHex, String signatureHex)
            throws Exception {
        EnvelopeVerifier verifier = EnvelopeVerifier.of(jdkPublicKey(HEX.parseHex(publicHex)));
        byte[] message = HEX.parseHex(messageHex);
        byte[] signature = HEX.parseHex(signatureHex);

        for (int bit = 0; bit < message.length * 8; bit++) {
            byte[] changed = flip(message, bit);
            assertThat(verifier.verify(changed, 0, changed.length, signature)).as("message bit %d", bit).isFalse();
        }
        for (int bit = 0; bit < signature.length * 8; bit++) {
            assertThat(verifier.verify(message, 0, message.length, flip(signature, bit))).as("signature bit %d", bit).isFalse();
        }
    }

    @Test
    void usesTheSha512OfAbcAsTheMessageOfTestShaAbc() throws Exception {
        assertThat(MessageDigest.getInstance("SHA-512").digest("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(HEX.parseHex("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
    }

    /** The conversion {@link SignedEnvelope#sign} makes: a JCA private key, re-read by Bouncy Castle. */
    private static byte[] signLikeAnEnvelope(PrivateKey key, byte[] message) throws Exception {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, PrivateKeyFactory.createKey(key.getEncoded()));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static boolean bouncyCastleVerifies(byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, new Ed25519PublicKeyParameters(publicKey));
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }

    private static PrivateKey jdkPrivateKey(byte[] secret) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, secret));
    }

    private static PublicKey jdkPublicKey(byte[] raw) throws Exception {
        byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new Ed25519PublicKeyParameters(raw)).getEncoded();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static byte[] flip(byte[] bytes, int bit) {
        byte[] changed = bytes.clone();
        changed[bit / 8] ^= (byte) (1 << (bit % 8));
        return changed;
    }
}
