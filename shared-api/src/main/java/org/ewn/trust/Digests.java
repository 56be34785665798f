package org.ewn.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** The SHA-256 digests the network names things by: content hashes, key ids, certificate fingerprints. */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Lower-case hex, as content hashes and fingerprints are written. */
    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    /** SHA-256 (hex) of the certificate's DER: what {@code ewn.trust.root-fingerprint} holds. */
    public static String fingerprint(X509Certificate certificate) {
        return sha256Hex(NetworkPki.der(certificate));
    }
}
