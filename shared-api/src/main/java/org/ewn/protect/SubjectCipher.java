package org.ewn.protect;

import org.ewn.api.subject.PersonalData;
import org.ewn.api.subject.ProtectedData;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * AES-256-GCM for personal data, the same on every side: agencies and the console encrypt before signing, the hub
 * decrypts for those entitled to read. The associated data is {@code ewn-subject:<subject>:<keyId>}.
 */
public final class SubjectCipher {

    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SubjectCipher() {
    }

    /** A fresh key of 32 random bytes. */
    public static SecretKey newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key(key);
    }

    /** A fresh random key id: 16 random bytes in base64url. */
    public static String newKeyId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return ENCODER.encodeToString(id);
    }

    public static SecretKey key(byte[] raw) {
        if (raw == null || raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("a subject key is 32 bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    public static byte[] associatedData(UUID subject, String keyId) {
        return ("ewn-subject:" + subject + ":" + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    public static ProtectedData encrypt(UUID subject, String keyId, SecretKey key, PersonalData data) {
        return encrypt(subject, keyId, key, data.toJson());
    }

    public static ProtectedData encrypt(UUID subject, String keyId, SecretKey key, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(subject, keyId));
            return new ProtectedData(subject, keyId, ENCODER.encodeToString(iv),
                    ENCODER.encodeToString(cipher.doFinal(plaintext)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** The clear bytes; fails with a {@link DataProtectionException} when the key does not open this ciphertext. */
    public static byte[] decrypt(ProtectedData data, SecretKey key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, DECODER.decode(data.iv())));
            cipher.updateAAD(associatedData(data.subject(), data.keyId()));
            return cipher.doFinal(DECODER.decode(data.ciphertext()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DataProtectionException("the key " + data.keyId() + " does not open the personal data of subject "
                    + data.subject());
        }
    }

    public static PersonalData open(ProtectedData data, SecretKey key) {
        return PersonalData.parse(decrypt(data, key));
    }
}
