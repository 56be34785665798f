package org.ewn.trust;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/** The JWS signature algorithms (RFC 7518, RFC 8037) the network accepts; both give 64-byte signatures. */
public enum JwsAlgorithm {

    EDDSA("EdDSA"),
    ES256("ES256");

    private final String jwsName;

    JwsAlgorithm(String jwsName) {
        this.jwsName = jwsName;
    }

    /** The "alg" header value. */
    public String jwsName() {
        return jwsName;
    }

    /** The algorithm with this exact (case-sensitive, RFC 7515 §4.1.1) "alg" value. */
    public static Optional<JwsAlgorithm> byName(String jwsName) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.jwsName.equals(jwsName)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * The algorithm a public or private key signs with. The key's encoding is read rather than its
     * {@code getAlgorithm()}, because JDK and Bouncy Castle keys name the same thing differently
     * ("EdDSA", "Ed25519", "EC", "ECDSA") and only the encoding names the curve.
     */
    public static JwsAlgorithm forKey(Key key) {
        AlgorithmIdentifier identifier = identifierOf(key);
        if (EdECObjectIdentifiers.id_Ed25519.equals(identifier.getAlgorithm())) {
            return EDDSA;
        }
        boolean ec = X9ObjectIdentifiers.id_ecPublicKey.equals(identifier.getAlgorithm());
        ASN1Encodable curve = identifier.getParameters();
        if (ec && SECObjectIdentifiers.secp256r1.equals(curve)) {
            return ES256;
        }
        throw new IllegalArgumentException("Unsupported key: " + (ec ? "EC on curve " + curve : identifier.getAlgorithm().getId())
                + "; the network signs with Ed25519 (EdDSA) or EC P-256 (ES256) keys");
    }

    private static AlgorithmIdentifier identifierOf(Key key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || !(key instanceof PublicKey || key instanceof PrivateKey)) {
            throw new IllegalArgumentException("Unsupported key: " + key.getAlgorithm()
                    + " key without a standard public or private key encoding");
        }
        try {
            return key instanceof PublicKey
                    ? SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm()
                    : PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unsupported key: unreadable " + key.getFormat() + " encoding", e);
        }
    }
}
