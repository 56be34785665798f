package org.ewn.api.subject;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Personal data of one subject as it is signed, stored and sent: AES-256-GCM ciphertext under a key of that subject
 * alone. The associated data binds it to the subject and the key id ({@code ewn-subject:<subject>:<keyId>}), so a
 * ciphertext cannot be passed off as another person's.
 *
 * @param keyId      the submitter's random name for the key, base64url, 16 to 64 characters
 * @param iv         the 12-byte GCM nonce, base64url without padding
 * @param ciphertext the encrypted {@link PersonalData} JSON followed by the 16-byte tag, base64url without padding
 */
public record ProtectedData(UUID subject, String keyId, String iv, String ciphertext) {

    public static final int MAX_CIPHERTEXT_CHARS = 90_000;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    public ProtectedData {
        Objects.requireNonNull(subject, "subject");
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("keyId must be 16 to 64 base64url characters");
        }
        if (iv == null || iv.length() != 16 || !BASE64URL.matcher(iv).matches()) {
            throw new IllegalArgumentException("iv must be 12 bytes in base64url without padding");
        }
        if (ciphertext == null || ciphertext.length() < 22 || ciphertext.length() > MAX_CIPHERTEXT_CHARS
                || !BASE64URL.matcher(ciphertext).matches()) {
            throw new IllegalArgumentException("ciphertext must be base64url without padding, with its 16-byte tag, "
                    + "at most " + MAX_CIPHERTEXT_CHARS + " characters");
        }
    }

    public SubjectId subjectId() {
        return new SubjectId(subject);
    }
}
