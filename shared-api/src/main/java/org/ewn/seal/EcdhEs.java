package org.ewn.seal;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * ECDH-ES+A256KW with X25519 (RFC 7518 §4.6, RFC 8037 §3.2): a fresh ephemeral key per recipient, the agreed secret
 * through the Concat KDF to a key-encryption key, and the content key wrapped with it (AES Key Wrap, RFC 3394).
 * Keys are read through their standard encodings, so JDK and Bouncy Castle key objects serve alike.
 */
final class EcdhEs {

    static final String ALGORITHM = "ECDH-ES+A256KW";
    private static final byte[] NO_PARTY_INFO = new byte[0];
    private static final SecureRandom RANDOM = new SecureRandom();

    private EcdhEs() {
    }

    static WrappedKey wrap(SealRecipient recipient, byte[] contentKey) {
        X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(RANDOM);
        byte[] kek = keyEncryptionKey(ephemeral, raw(recipient.x25519Public()));
        try {
            byte[] epk = ephemeral.generatePublicKey().getEncoded();
            return new WrappedKey(recipient.kid(), epk, aesWrap(kek, contentKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot wrap a key with AES Key Wrap", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The content key; fails when the key is not the recipient's or the entry was altered. */
    static byte[] unwrap(WrappedKey entry, PrivateKey privateKey) throws GeneralSecurityException {
        byte[] kek = keyEncryptionKey(parameters(privateKey), entry.epk());
        try {
            return aesUnwrap(kek, entry.encryptedKey());
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] keyEncryptionKey(X25519PrivateKeyParameters own, byte[] peer) {
        byte[] z = sharedSecret(own, peer);
        try {
            return ConcatKdf.derive(z, ALGORITHM, NO_PARTY_INFO, NO_PARTY_INFO, 256);
        } finally {
            Arrays.fill(z, (byte) 0);
        }
    }

    /** X25519 (RFC 7748); Bouncy Castle refuses the all-zero secret that a small-order peer key would give. */
    static byte[] sharedSecret(X25519PrivateKeyParameters own, byte[] peer) {
        byte[] z = new byte[X25519PrivateKeyParameters.SECRET_SIZE];
        own.generateSecret(new X25519PublicKeyParameters(peer), z, 0);
        return z;
    }

    static byte[] aesWrap(byte[] kek, byte[] key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AESWrap");
        cipher.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
        return cipher.wrap(new SecretKeySpec(key, "AES"));
    }

    static byte[] aesUnwrap(byte[] kek, byte[] wrapped) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AESWrap");
        cipher.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
        return cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded();
    }

    static byte[] raw(PublicKey key) {
        try {
            AsymmetricKeyParameter parameters = PublicKeyFactory.createKey(key.getEncoded());
            if (parameters instanceof X25519PublicKeyParameters x25519) {
                return x25519.getEncoded();
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        }
        throw new IllegalArgumentException("not an X25519 public key");
    }

    private static X25519PrivateKeyParameters parameters(PrivateKey key) throws GeneralSecurityException {
        try {
            AsymmetricKeyParameter parameters = PrivateKeyFactory.createKey(key.getEncoded());
            if (parameters instanceof X25519PrivateKeyParameters x25519) {
                return x25519;
            }
        } catch (IOException | RuntimeException e) {
            throw new GeneralSecurityException("not an X25519 private key");
        }
        throw new GeneralSecurityException("not an X25519 private key");
    }
}
