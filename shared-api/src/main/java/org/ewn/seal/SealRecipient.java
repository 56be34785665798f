package org.ewn.seal;

import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An agency that content is sealed for: its X25519 encryption key and the network's id of that key, which the
 * agency looks for when it opens the content. The id must be the key's, so that nothing is sealed under a wrong name.
 */
public record SealRecipient(String kid, PublicKey x25519Public) {

    public SealRecipient {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(x25519Public, "X25519 public key");
        KeyKind kind = KeyKind.of(x25519Public);
        if (kind != KeyKind.X25519) {
            throw new IllegalArgumentException("content is sealed for X25519 keys, not for a " + kind + " key");
        }
        if (!kid.equals(KeyIds.of(x25519Public))) {
            throw new IllegalArgumentException("kid " + kid + " is not the network's id of this key");
        }
    }

    /** The holder of an encryption certificate; whether the network trusts it is for the caller to have checked. */
    public static SealRecipient of(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        return new SealRecipient(KeyIds.of(key), key);
    }
}
