package org.ewn.trust;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * A public key converted once into the form its algorithm verifies with, so that checking many
 * envelopes of one sender does not decode the key each time. Immutable and safe to share across
 * threads: every verification builds its own (cheap) signer.
 */
public abstract sealed class EnvelopeVerifier permits EnvelopeVerifier.Ed25519, EnvelopeVerifier.Es256 {

    /** Thrown as {@link IllegalArgumentException} for a key that is neither Ed25519 nor EC P-256. */
    public static EnvelopeVerifier of(PublicKey key) {
        JwsAlgorithm algorithm = JwsAlgorithm.forKey(key);
        try {
            return algorithm == JwsAlgorithm.EDDSA
                    ? new Ed25519((Ed25519PublicKeyParameters) PublicKeyFactory.createKey(key.getEncoded()))
                    : new Es256(KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
                            .generatePublic(new X509EncodedKeySpec(key.getEncoded())));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("Unusable " + algorithm.jwsName() + " public key: " + e.getMessage(), e);
        }
    }

    /** The only algorithm this key verifies; an envelope naming another one never verifies. */
    public abstract JwsAlgorithm algorithm();

    /** Whether {@code signature} (RFC 7518/8037 form, 64 bytes) signs the message bytes in the given range. */
    abstract boolean verify(byte[] message, int offset, int length, byte[] signature);

    static final class Ed25519 extends EnvelopeVerifier {

        private final Ed25519PublicKeyParameters key;

        private Ed25519(Ed25519PublicKeyParameters key) {
            this.key = key;
        }

        @Override
        public JwsAlgorithm algorithm() {
            return JwsAlgorithm.EDDSA;
        }

        @Override
        boolean verify(byte[] message, int offset, int length, byte[] signature) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, key);
            signer.update(message, offset, length);
            return signer.verifySignature(signature);
        }
    }

    static final class Es256 extends EnvelopeVerifier {

        private final PublicKey key;

        private Es256(PublicKey key) {
            this.key = key;
        }

        @Override
        public JwsAlgorithm algorithm() {
            return JwsAlgorithm.ES256;
        }

        @Override
        boolean verify(byte[] message, int offset, int length, byte[] signature) {
            try {
                // PLAIN-ECDSA reads R||S (RFC 7518 §3.4) and refuses R or S outside [1, n-1]
                Signature verifier = Signature.getInstance(SignedEnvelope.ES256_JCA_NAME, BouncyCastle.PROVIDER);
                verifier.initVerify(key);
                verifier.update(message, offset, length);
                return verifier.verify(signature);
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
    }
}
