package org.ewn.protect;

/**
 * Wraps and unwraps subject keys. The embedded run uses a {@link LocalMasterKey} from a file or an environment
 * variable; a deployment implements this interface over its HSM (PKCS#11, for instance through the JDK's SunPKCS11
 * provider, with a non-extractable AES key) or its key management service (the KMS's encrypt and decrypt calls), so
 * that the master key never leaves it. Wrapping is authenticated and bound to its context (subject and key id).
 */
public interface MasterKey {

    /** A stable, non-secret name of this key, recorded with every key it wraps. */
    String id();

    byte[] wrap(byte[] key, byte[] context);

    /** Fails with a {@link DataProtectionException} if the wrapped key or its context was altered. */
    byte[] unwrap(byte[] wrapped, byte[] context);
}
