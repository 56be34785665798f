package org.ewn.command.subject;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ewn.api.subject.ProtectedData;

import java.util.UUID;

/**
 * One subject's personal data in a signed body: the subject's id and the AES-256-GCM ciphertext of its
 * {@code PersonalData} JSON, under a key sent beside the signature.
 */
public record ProtectedDataBody(@NotNull UUID subject,
                                @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{16,64}") String keyId,
                                @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{16}") String iv,
                                @NotNull @Size(min = 22, max = ProtectedData.MAX_CIPHERTEXT_CHARS)
                                @Pattern(regexp = "[A-Za-z0-9_-]+") String ciphertext) {

    public ProtectedData toProtectedData() {
        return new ProtectedData(subject, keyId, iv, ciphertext);
    }
}
