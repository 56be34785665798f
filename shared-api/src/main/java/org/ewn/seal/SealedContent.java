package org.ewn.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A payload that only its recipients can read: a JWE in JSON General Serialization (RFC 7516 §7.2.1), the content
 * encrypted once with AES-256-GCM under a random key and that key wrapped for each recipient's X25519 key with
 * ECDH-ES+A256KW. The hub stores and routes it without being able to open it. Immutable.
 */
public final class SealedContent {

    public static final int MAX_RECIPIENTS = 200;
    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final String PROTECTED_HEADER = SealedJson.base64url(
            "{\"enc\":\"A256GCM\",\"cty\":\"ewn-sealed\"}".getBytes(StandardCharsets.US_ASCII));
    private static final SecureRandom RANDOM = new SecureRandom();

    // kept as received: the AAD is this very text (RFC 7516 §5.1 step 14)
    private final String protectedHeader;
    private final List<WrappedKey> recipients;
    private final byte[] iv;
    private final byte[] ciphertext;
    private final byte[] tag;

    SealedContent(String protectedHeader, List<WrappedKey> recipients, byte[] iv, byte[] ciphertext, byte[] tag) {
        this.protectedHeader = protectedHeader;
        this.recipients = List.copyOf(recipients);
        this.iv = iv.clone();
        this.ciphertext = ciphertext.clone();
        this.tag = tag.clone();
    }

    public static SealedContent seal(byte[] plaintext, List<SealRecipient> recipients) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("content is sealed for 1 to " + MAX_RECIPIENTS + " recipients, not "
                    + recipients.size());
        }
        Set<String> kids = new HashSet<>();
        for (SealRecipient recipient : recipients) {
            if (!kids.add(recipient.kid())) {
                throw new IllegalArgumentException("recipient " + recipient.kid() + " is named twice");
            }
        }
        byte[] contentKey = random(32);
        byte[] iv = random(IV_BYTES);
        try {
            List<WrappedKey> wrapped = recipients.stream().map(r -> EcdhEs.wrap(r, contentKey)).toList();
            byte[] sealed = gcm(Cipher.ENCRYPT_MODE, contentKey, iv, PROTECTED_HEADER).doFinal(plaintext);
            int tagAt = sealed.length - TAG_BYTES;
            return new SealedContent(PROTECTED_HEADER, wrapped, iv, Arrays.copyOf(sealed, tagAt),
                    Arrays.copyOfRange(sealed, tagAt, sealed.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot encrypt with AES-256-GCM", e);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    /**
     * The plaintext, for the recipient of this key id holding this X25519 private key.
     *
     * @throws SealException with one and the same message whether the id is not a recipient's, the key is not the
     *                       recipient's, or anything was altered
     */
    public byte[] open(String kid, PrivateKey x25519Private) {
        WrappedKey entry = recipients.stream().filter(r -> r.kid().equals(kid)).findFirst()
                .orElseThrow(SealException::cannotOpen);
        byte[] contentKey = null;
        try {
            contentKey = EcdhEs.unwrap(entry, x25519Private);
            byte[] sealed = Arrays.copyOf(ciphertext, ciphertext.length + TAG_BYTES);
            System.arraycopy(tag, 0, sealed, ciphertext.length, TAG_BYTES);
            return gcm(Cipher.DECRYPT_MODE, contentKey, iv, protectedHeader).doFinal(sealed);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw SealException.cannotOpen();
        } finally {
            if (contentKey != null) {
                Arrays.fill(contentKey, (byte) 0);
            }
        }
    }

    public List<String> recipientKeyIds() {
        return recipients.stream().map(WrappedKey::kid).toList();
    }

    /** The length of the ciphertext, which is that of the plaintext. */
    public int size() {
        return ciphertext.length;
    }

    /** Reads the JSON text of a sealed content, refusing anything but the one form the network writes. */
    public static SealedContent parse(String json) {
        return SealedJson.read(SealedJson.tree(json));
    }

    public static SealedContent of(JsonNode json) {
        return SealedJson.read(json);
    }

    public String toJson() {
        return toJsonNode().toString();
    }

    /** A new node each time: what the caller does with it does not change this content. */
    public JsonNode toJsonNode() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode json = nodes.objectNode();
        json.put("protected", protectedHeader);
        ArrayNode list = json.putArray("recipients");
        for (WrappedKey recipient : recipients) {
            ObjectNode entry = list.addObject();
            ObjectNode header = entry.putObject("header");
            header.put("alg", EcdhEs.ALGORITHM);
            header.put("kid", recipient.kid());
            header.putObject("epk").put("kty", "OKP").put("crv", "X25519")
                    .put("x", SealedJson.base64url(recipient.epk()));
            entry.put("encrypted_key", SealedJson.base64url(recipient.encryptedKey()));
        }
        json.put("iv", SealedJson.base64url(iv));
        json.put("ciphertext", SealedJson.base64url(ciphertext));
        json.put("tag", SealedJson.base64url(tag));
        return json;
    }

    @Override
    public String toString() {
        return "SealedContent[" + recipients.size() + " recipients, " + ciphertext.length + " bytes]";
    }

    private static Cipher gcm(int mode, byte[] key, byte[] iv, String protectedHeader) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
        cipher.updateAAD(protectedHeader.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
