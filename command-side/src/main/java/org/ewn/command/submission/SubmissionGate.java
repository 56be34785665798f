package org.ewn.command.submission;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.Digests;
import org.ewn.trust.KeyIds;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.SignedEnvelope;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;
import org.springframework.stereotype.Component;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every submission passes here before any command is sent: the one place where signed envelopes are checked. In
 * order: the envelope's form, the key it names, the signature, then, trusting the content only now, the canonical
 * form, the type, the network, the agency the key belongs to, the clock, the certificate path at the signing time,
 * revocation, and whether the agency's member may act. Once the signature verified, the agency's rate counts it. Whether the submission id was used before is the
 * aggregate's decision, since only it can tell atomically.
 */
@Component
public class SubmissionGate {

    private final TrustRegistry registry;
    private final TrustProperties properties;
    private final Clock clock;
    private final Validator validator;
    private final RateLimits rateLimits;
    private final Map<String, List<CertificateValidity>> pathsChecked = new ConcurrentHashMap<>();

    SubmissionGate(TrustRegistry registry, TrustProperties properties, Clock clock, Validator validator,
                   RateLimits rateLimits) {
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
        this.validator = validator;
        this.rateLimits = rateLimits;
    }

    /** Admits a submission of the given type signed by an enrolled key. */
    public Admitted admit(String compact, String expectedType) {
        Instant receivedAt = clock.instant();
        SignedEnvelope envelope = SignedEnvelope.parse(compact);
        String keyId = keyId(envelope);
        NetworkMembership membership = registry.current();
        NetworkMembership.Key key = membership.key(keyId).orElse(null);
        if (key == null) {
            membership = registry.refresh();
            key = membership.key(keyId).orElseThrow(() -> new TrustException(TrustFailure.UNKNOWN_KEY, "Key " + keyId
                    + " is not enrolled in this network; have an administrator of your member enrol its certificate "
                    + "(POST /api/v1/agencies/{agency}/keys), and sign with kid = base64url(SHA-256(SubjectPublicKeyInfo))"));
        }
        if (!envelope.verify(registry.verifier(key))) {
            throw new TrustException(TrustFailure.BAD_SIGNATURE, "The signature does not verify with key " + keyId
                    + " of " + key.agency() + "; sign exactly the canonical payload, and send the envelope unchanged");
        }
        rateLimits.admit(key.agency());
        SignedContent content = content(envelope, expectedType);
        if (!key.agency().equals(content.agency())) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Key " + keyId + " belongs to " + key.agency()
                    + "; it cannot sign for " + content.agency());
        }
        if (key.purpose() != KeyPurpose.SIGNING) {
            throw new TrustException(TrustFailure.WRONG_KEY_USAGE, "Key " + keyId + " is an encryption key; sign "
                    + "with the agency's signing key");
        }
        withinClockSkew(content.issuedAt(), receivedAt);
        notRevoked(key, content.issuedAt(), receivedAt);
        certificatePathHolds(membership, key, content.issuedAt());
        mayAct(membership, content);
        return admitted(envelope, content, keyId, receivedAt);
    }

    /**
     * Admits the founding of the network, the one submission signed by a key not enrolled yet: the administrator key
     * whose certificate it carries. Over the API it is accepted only for the root whose fingerprint the hub was
     * configured with; {@code trustedRoot} is for the hub's own setup of a network it generated itself.
     */
    public Admitted admitFounding(String compact, boolean trustedRoot) {
        Instant receivedAt = clock.instant();
        SignedEnvelope envelope = SignedEnvelope.parse(compact);
        String keyId = keyId(envelope);
        SignedContent unverified = SignedContent.parse(envelope.payload());
        X509Certificate administrator = certificate(unverified, "administratorCertificate");
        if (!KeyIds.of(administrator.getPublicKey()).equals(keyId)) {
            throw new TrustException(TrustFailure.UNKNOWN_KEY, "The founding must be signed with the key of the "
                    + "administratorCertificate it carries; kid " + keyId + " is another key");
        }
        if (!envelope.verify(administrator.getPublicKey())) {
            throw new TrustException(TrustFailure.BAD_SIGNATURE, "The signature does not verify with the key of the "
                    + "administratorCertificate");
        }
        SignedContent content = content(envelope, SubmissionTypes.NETWORK_FOUND);
        withinClockSkew(content.issuedAt(), receivedAt);
        if (!trustedRoot) {
            rootIsTheConfiguredOne(certificate(content, "rootCertificate"));
        }
        return admitted(envelope, content, keyId, receivedAt);
    }

    /** The body as its type, with its constraints checked. */
    public <T> T body(Admitted admitted, Class<T> type) {
        T body = admitted.body(type);
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (ConstraintViolation<T> violation : violations) {
                problems.add(violation.getPropertyPath() + " " + violation.getMessage());
            }
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400,
                    "The signed body is invalid: " + String.join("; ", new TreeSet<>(problems)));
        }
        return body;
    }

    private static String keyId(SignedEnvelope envelope) {
        return envelope.keyId().orElseThrow(() -> new TrustException(TrustFailure.MALFORMED_ENVELOPE, "The protected "
                + "header needs \"kid\": the id of the signing key, base64url(SHA-256(SubjectPublicKeyInfo))"));
    }

    private SignedContent content(SignedEnvelope envelope, String expectedType) {
        byte[] payload = envelope.payload();
        if (!CanonicalJson.isCanonical(payload)) {
            throw SignedContent.malformed("the payload must be the RFC 8785 canonical JSON of the content "
                                          + "(sorted keys, no spaces); canonicalize it before signing");
        }
        SignedContent content = SignedContent.parse(payload);
        if (!content.type().equals(expectedType)) {
            throw SignedContent.malformed("this endpoint takes \"" + expectedType + "\" submissions, not \""
                                          + content.type() + "\"");
        }
        if (!content.network().equals(properties.network())) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "The submission is signed for network "
                    + content.network() + "; this is network " + properties.network());
        }
        return content;
    }

    /**
     * A signature made after the revocation took effect is refused, and so is one reaching the hub after it: an
     * issuedAt within the tolerated skew is the signer's claim, and a thief of the key could back-date it. Signatures
     * made and received before the revocation stay valid, which is what a later verification of the log relies on.
     */
    private static void notRevoked(NetworkMembership.Key key, Instant signedAt, Instant receivedAt) {
        if (key.revokedAt(signedAt) || key.revokedAt(receivedAt)) {
            throw new TrustException(TrustFailure.REVOKED_KEY, "Key " + key.keyId() + " of " + key.agency()
                    + " is revoked from " + key.revokedFrom() + " (" + key.revocationReason() + "); sign with a key "
                    + "that is enrolled and not revoked");
        }
    }

    private void withinClockSkew(Instant issuedAt, Instant now) {
        Duration skew = Duration.between(now, issuedAt).abs();
        if (skew.compareTo(properties.clockSkew()) > 0) {
            throw new TrustException(TrustFailure.CLOCK_SKEW, "issuedAt " + issuedAt + " is " + skew.toSeconds()
                    + " s " + (issuedAt.isAfter(now) ? "ahead of" : "behind") + " the hub's clock (" + now
                    + "); at most " + properties.clockSkew().toSeconds() + " s are tolerated. Sign with the current "
                    + "time and keep your clock synchronised (NTP)");
        }
    }

    /**
     * The whole path is validated once per key (certificates never change); the validity of each certificate at the
     * signing time is checked every time, against the dates read once (reading them from a certificate is slow).
     */
    private void certificatePathHolds(NetworkMembership membership, NetworkMembership.Key key, Instant signedAt) {
        List<CertificateValidity> path = pathsChecked.get(key.keyId());
        if (path == null) {
            List<X509Certificate> issuers = membership.issuersFor(key.agency()).orElseThrow(() -> notAMember(key));
            CertificatePath.check(key.certificate(), issuers, membership.root(), signedAt,
                                  CertificatePath.Purpose.SIGNING);
            List<CertificateValidity> validities = new ArrayList<>();
            validities.add(CertificateValidity.of(key.certificate()));
            issuers.forEach(issuer -> validities.add(CertificateValidity.of(issuer)));
            validities.add(CertificateValidity.of(membership.root()));
            pathsChecked.put(key.keyId(), List.copyOf(validities));
            return;
        }
        for (CertificateValidity validity : path) {
            validity.check(signedAt);
        }
    }

    private static void mayAct(NetworkMembership membership, SignedContent content) {
        if (membership.agency(content.agency()).isEmpty()) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Agency " + content.agency() + " is not registered");
        }
        if (membership.ownAgency(content.agency())) {
            return;
        }
        NetworkMembership.Member member = membership.member(content.agency().member())
                .orElseThrow(() -> new TrustException(TrustFailure.WRONG_MEMBER, "Agency " + content.agency()
                        + " names member " + content.agency().member() + ", which is not admitted"));
        if (member.suspended()) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Member " + member.code()
                    + " is suspended; its agencies cannot submit until it is reinstated");
        }
    }

    private static TrustException notAMember(NetworkMembership.Key key) {
        return new TrustException(TrustFailure.WRONG_MEMBER, "The member of " + key.agency() + " is not admitted");
    }

    private void rootIsTheConfiguredOne(X509Certificate root) {
        String pinned = properties.rootFingerprint();
        if (pinned == null || pinned.isBlank()) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "This hub accepts a founding only for the root "
                    + "certificate it is configured with; set ewn.trust.root-fingerprint (EWN_TRUST_ROOT_FINGERPRINT) "
                    + "to the SHA-256 fingerprint of the root certificate and restart");
        }
        String actual = Digests.fingerprint(root);
        if (!actual.equalsIgnoreCase(pinned.replace(":", ""))) {
            throw new TrustException(TrustFailure.UNTRUSTED_CERTIFICATE, "The root certificate's SHA-256 fingerprint "
                    + actual + " is not the one this hub is configured with");
        }
    }

    private static X509Certificate certificate(SignedContent content, String field) {
        var node = content.body().get(field);
        if (node == null || !node.isTextual()) {
            throw SignedContent.malformed("body." + field + " is missing: base64 DER of the certificate");
        }
        try {
            return NetworkMembership.certificate(node.asText());
        } catch (RuntimeException e) {
            throw SignedContent.malformed("body." + field + " is not a base64 DER X.509 certificate");
        }
    }

    private static Admitted admitted(SignedEnvelope envelope, SignedContent content, String keyId, Instant receivedAt) {
        SignedSubmission submission = new SignedSubmission(content.submissionId(), content.type(), content.agency(),
                keyId, content.issuedAt(), receivedAt, Digests.sha256Hex(envelope.payload()), envelope.compact());
        return new Admitted(submission, content.body());
    }
}
