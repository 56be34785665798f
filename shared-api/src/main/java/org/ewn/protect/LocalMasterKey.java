package org.ewn.protect;

import org.ewn.trust.Digests;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A 256-bit master key held in this process, from a file or an environment variable (base64). Keys are wrapped with
 * AES-256-GCM, the context as associated data: {@code iv ‖ ciphertext ‖ tag}.
 */
public final class LocalMasterKey implements MasterKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;
    private final String id;

    private LocalMasterKey(byte[] raw) {
        if (raw.length != 32) {
            throw new DataProtectionException("a master key is 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(raw, "AES");
        byte[] named = ("ewn-master-key:" + Base64.getEncoder().encodeToString(raw)).getBytes(StandardCharsets.US_ASCII);
        this.id = HexFormat.of().formatHex(Arrays.copyOf(Digests.sha256(named), 8));
    }

    public static LocalMasterKey fromBase64(String base64) {
        try {
            return new LocalMasterKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new DataProtectionException("the master key is not base64 of 32 bytes");
        }
    }

    public static LocalMasterKey read(Path file) {
        try {
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new DataProtectionException("cannot read the master key file " + file, e);
        }
    }

    /** Writes a new random key to a file that only its owner may read, refusing to replace one. */
    public static LocalMasterKey generate(Path file) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions must protect it
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new DataProtectionException("cannot write a new master key to " + file, e);
        }
        return new LocalMasterKey(raw);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public byte[] wrap(byte[] plain, byte[] context) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plain);
            byte[] wrapped = Arrays.copyOf(iv, iv.length + sealed.length);
            System.arraycopy(sealed, 0, wrapped, iv.length, sealed.length);
            return wrapped;
        } catch (GeneralSecurityException e) {
            throw new DataProtectionException("AES-256-GCM is not available", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, 12));
            cipher.updateAAD(context);
            return cipher.doFinal(wrapped, 12, wrapped.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DataProtectionException("a wrapped key does not open with master key " + id);
        }
    }

    @Override
    public String toString() {
        return "LocalMasterKey[" + id + "]";
    }
}
