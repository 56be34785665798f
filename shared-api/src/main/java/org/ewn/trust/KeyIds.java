package org.ewn.trust;

import java.security.PublicKey;
import java.util.Base64;

/**
 * The network's key identifier, the JWS {@code kid}: SHA-256 over the key's SubjectPublicKeyInfo, in
 * base64url without padding. Hashing the whole structure, not only the key bits, keeps an Ed25519 and
 * an X25519 key with the same 32 bytes apart.
 */
public final class KeyIds {

    private KeyIds() {
    }

    public static String of(PublicKey key) {
        byte[] info = key.getEncoded();
        if (info == null) {
            throw new IllegalArgumentException("key " + key.getAlgorithm() + " has no SubjectPublicKeyInfo encoding");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(info));
    }
}
