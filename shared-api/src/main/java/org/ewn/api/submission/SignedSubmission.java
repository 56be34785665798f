package org.ewn.api.submission;

import org.ewn.api.member.AgencyCode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A submission as the hub accepted it: who signed it with which key, when it was signed and received, and the exact
 * signed envelope, so that anyone can verify the event's origin again, years later, without trusting the hub.
 *
 * @param keyId       the JWS {@code kid}: base64url SHA-256 of the signing key's SubjectPublicKeyInfo
 * @param signedAt    the {@code issuedAt} the agency signed
 * @param receivedAt  when the hub accepted it; the time of the hub's receipt
 * @param contentHash SHA-256 (hex) of the signed canonical JSON, which tells a repeat of the same submission from a
 *                    reuse of its id
 * @param envelope    the JWS compact serialization exactly as received
 */
public record SignedSubmission(UUID submissionId,
                               String type,
                               AgencyCode agency,
                               String keyId,
                               Instant signedAt,
                               Instant receivedAt,
                               String contentHash,
                               String envelope) {

    public SignedSubmission {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(envelope, "envelope");
    }

    /** The same submission: same id and same signed content, whoever sent it again. */
    public boolean sameContentAs(SignedSubmission other) {
        return submissionId.equals(other.submissionId) && contentHash.equals(other.contentHash);
    }
}
