package org.ewn.trust;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate and the certificates that issued it, from the direct issuer up to
 * and including the network root; the chain of the root itself is empty.
 */
public record IssuedKey(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public IssuedKey {
        Objects.requireNonNull(privateKey, "private key");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
    }
}
