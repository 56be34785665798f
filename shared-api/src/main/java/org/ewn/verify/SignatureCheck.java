package org.ewn.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ewn.api.membership.MembershipEvent;
import org.ewn.api.membership.NetworkFounded;
import org.ewn.store.LogEntry;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.Digests;
import org.ewn.trust.EnvelopeVerifier;
import org.ewn.trust.KeyIds;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.SignedEnvelope;
import org.ewn.trust.TrustException;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the envelope an event was born of against the membership as it stood at that event: the key enrolled by
 * then, the signature, that the event records exactly the signed content (its hash and key id), the key's agency,
 * revocation at the signing and the receiving time, and the certificate path to the network's root at the signing
 * time. The founding is signed by the administrator certificate it carries, not by an enrolled key.
 */
final class SignatureCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, EnvelopeVerifier> verifiers = new HashMap<>();
    private final Set<String> pathsChecked = new HashSet<>();
    /** The envelope last found good: the events of one submission are appended together and share it. */
    private String lastGood;

    /** The failure, if any; {@code null} when the envelope and its key hold at this point of the log. */
    Failure check(LogEntry entry, JsonNode submission, NetworkMembership membership) {
        String compact = submission.path("envelope").asText(null);
        if (compact != null && compact.equals(lastGood)) {
            return null;
        }
        Failure failure = checkAfresh(entry, submission, membership, compact);
        lastGood = failure == null ? compact : null;
        return failure;
    }

    private Failure checkAfresh(LogEntry entry, JsonNode submission, NetworkMembership membership, String compact) {
        long index = entry.globalIndex();
        SignedEnvelope envelope;
        try {
            envelope = SignedEnvelope.parse(compact);
        } catch (TrustException | NullPointerException e) {
            return new Failure(index, "malformed-envelope", String.valueOf(e.getMessage()));
        }
        String keyId = envelope.keyId().orElse(null);
        if (keyId == null || !keyId.equals(submission.path("keyId").asText())) {
            return new Failure(index, "content-mismatch", "the event names key " + submission.path("keyId").asText()
                    + " but the envelope's kid is " + keyId);
        }
        String contentHash = Digests.sha256Hex(envelope.payload());
        if (!contentHash.equals(submission.path("contentHash").asText())) {
            return new Failure(index, "content-mismatch", "the event records content hash "
                    + submission.path("contentHash").asText() + " but the envelope's content hashes to " + contentHash);
        }
        if (!membership.founded() && entry.payloadType().equals(NetworkFounded.class.getName())) {
            return founding(index, envelope, keyId);
        }
        Optional<NetworkMembership.Key> enrolled = membership.key(keyId);
        if (enrolled.isEmpty()) {
            return new Failure(index, "unknown-key", "key " + keyId + " was not enrolled at this point of the log");
        }
        NetworkMembership.Key key = enrolled.get();
        if (!envelope.verify(verifiers.computeIfAbsent(keyId, id -> SignedEnvelope.verifierFor(
                key.certificate().getPublicKey())))) {
            return new Failure(index, "bad-signature", "the signature does not verify with key " + keyId + " of "
                    + key.agency());
        }
        if (!key.agency().value().equals(submission.path("agency").asText())) {
            return new Failure(index, "wrong-agency", "key " + keyId + " belongs to " + key.agency()
                    + ", the event says " + submission.path("agency").asText());
        }
        Instant signedAt = instant(submission, "signedAt");
        Instant receivedAt = instant(submission, "receivedAt");
        if (signedAt == null || receivedAt == null) {
            return new Failure(index, "malformed-event", "the submission lacks signedAt or receivedAt");
        }
        if (key.revokedAt(signedAt) || key.revokedAt(receivedAt)) {
            return new Failure(index, "revoked-key", "key " + keyId + " is revoked from " + key.revokedFrom()
                    + " (" + key.revocationReason() + "); signed " + signedAt + ", received " + receivedAt);
        }
        return path(index, membership, key, signedAt);
    }

    private Failure founding(long index, SignedEnvelope envelope, String keyId) {
        try {
            JsonNode body = JSON.readTree(envelope.payload()).path("body");
            X509Certificate administrator = NetworkMembership.certificate(body.path("administratorCertificate").asText());
            X509Certificate root = NetworkMembership.certificate(body.path("rootCertificate").asText());
            if (!KeyIds.of(administrator.getPublicKey()).equals(keyId) || !envelope.verify(administrator.getPublicKey())) {
                return new Failure(index, "bad-signature", "the founding does not verify with the administrator "
                        + "certificate it carries");
            }
            CertificatePath.check(administrator, java.util.List.of(), root, instant(JSON.readTree(envelope.payload()),
                    "issuedAt"), CertificatePath.Purpose.SIGNING);
            return null;
        } catch (TrustException e) {
            return new Failure(index, reason(e), e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Failure(index, "malformed-envelope", "the founding's content cannot be read: " + e);
        }
    }

    /** The whole path once per key (certificates never change); the validity dates at every signing time. */
    private Failure path(long index, NetworkMembership membership, NetworkMembership.Key key, Instant signedAt) {
        var issuers = membership.issuersFor(key.agency());
        if (issuers.isEmpty()) {
            return new Failure(index, "untrusted-certificate", "the member of " + key.agency() + " is not admitted");
        }
        try {
            if (pathsChecked.add(key.keyId())) {
                CertificatePath.check(key.certificate(), issuers.get(), membership.root(), signedAt,
                                      CertificatePath.Purpose.SIGNING);
            } else {
                validAt(key.certificate(), signedAt);
                for (X509Certificate issuer : issuers.get()) {
                    validAt(issuer, signedAt);
                }
                validAt(membership.root(), signedAt);
            }
            return null;
        } catch (TrustException e) {
            pathsChecked.remove(key.keyId());
            return new Failure(index, reason(e), e.getMessage());
        }
    }

    /** Bouncy Castle parses a certificate's dates again at every call; they are read once per certificate. */
    private final Map<X509Certificate, Instant[]> validity = new HashMap<>();

    private void validAt(X509Certificate certificate, Instant at) {
        Instant[] period = validity.computeIfAbsent(certificate, c -> new Instant[] {
                c.getNotBefore().toInstant(), c.getNotAfter().toInstant()});
        if (at.isBefore(period[0]) || at.isAfter(period[1])) {
            throw new TrustException(org.ewn.trust.TrustFailure.EXPIRED_CERTIFICATE, "certificate "
                    + certificate.getSubjectX500Principal().getName() + " is not valid at " + at);
        }
    }

    private static String reason(TrustException e) {
        return e.failure().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** ISO text, or seconds as a decimal number, as a Jackson mapper writing dates as timestamps has them. */
    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.path(field);
        try {
            return value.isNumber() ? EpochSeconds.of(value) : InstantText.parse(value.asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A membership event, once its own envelope holds, is folded into the membership later events are judged by. */
    static boolean isMembershipEvent(Class<?> type) {
        return type != null && MembershipEvent.class.isAssignableFrom(type);
    }
}
