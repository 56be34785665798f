package org.ewn.trust;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;

/** The kinds of key the network certifies: Ed25519 or P-256 to sign, X25519 to agree on encryption keys. */
public enum KeyKind {

    ED25519(true),
    P256(true),
    X25519(false);

    private final boolean signs;

    KeyKind(boolean signs) {
        this.signs = signs;
    }

    public boolean signs() {
        return signs;
    }

    public KeyPair generate() {
        try {
            return generator().generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle cannot generate a " + this + " key", e);
        }
    }

    private KeyPairGenerator generator() throws GeneralSecurityException {
        switch (this) {
            case ED25519:
                return KeyPairGenerator.getInstance("Ed25519", BouncyCastle.PROVIDER);
            case X25519:
                return KeyPairGenerator.getInstance("X25519", BouncyCastle.PROVIDER);
            default:
                KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
                ec.initialize(new ECGenParameterSpec("secp256r1"));
                return ec;
        }
    }

    /**
     * The kind of any provider's key. JDK and Bouncy Castle key objects name their algorithms
     * differently ("EdDSA", "Ed25519", "XDH", "EC", "ECDSA"), so this reads the OIDs of the encoding.
     */
    public static KeyKind of(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("key " + key.getAlgorithm() + " has no SubjectPublicKeyInfo encoding");
        }
        AlgorithmIdentifier algorithm = SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm();
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return ED25519;
        }
        if (EdECObjectIdentifiers.id_X25519.equals(oid)) {
            return X25519;
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)
                && SECObjectIdentifiers.secp256r1.equals(algorithm.getParameters())) {
            return P256;
        }
        throw new IllegalArgumentException("the network accepts Ed25519, P-256 and X25519 keys, not "
                + oid + (algorithm.getParameters() == null ? "" : " " + algorithm.getParameters()));
    }
}
