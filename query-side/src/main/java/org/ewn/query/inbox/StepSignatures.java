package org.ewn.query.inbox;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.inbox.InboxStep;
import org.ewn.api.inbox.StepSignature;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.query.directory.SigningKeys;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.Digests;
import org.ewn.trust.SignedEnvelope;
import org.ewn.trust.TrustException;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks again, for each step of an alert's history, the signed envelope the log keeps for it: the signature with the
 * key the directory holds, the key's certificate path to the network root and its validity at the signing time, and
 * that the key was not revoked from before that time. The envelopes come from the alert's own events in the log (one
 * read by aggregate), not from a copy in the read model. What cannot change for an envelope (its signature, its
 * certificate path at its signing time) is remembered; a revocation, which can come later and be backdated, is
 * looked up at every showing.
 */
@Component
class StepSignatures {

    private static final int REMEMBERED = 20_000;

    private final EventStore events;
    private final SigningKeys keys;
    private final Map<String, String> verdicts = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    StepSignatures(EventStore events, SigningKeys keys) {
        this.events = events;
        this.keys = keys;
    }

    /** The steps, each with its signature checked. */
    List<InboxStep> check(AlertId alertId, List<InboxStep> steps) {
        Map<String, SignedSubmission> submissions = new HashMap<>();
        try (Stream<? extends DomainEventMessage<?>> stream = events.readEvents(alertId.toString(), 0).asStream()) {
            stream.map(DomainEventMessage::getPayload).filter(AlertEvent.class::isInstance)
                  .map(AlertEvent.class::cast)
                  .filter(event -> event.submission() != null)
                  .forEach(event -> submissions.put(key(event), event.submission()));
        }
        return steps.stream().map(step -> step.signed(step.kind() == InboxStep.Kind.ESCALATED ? StepSignature.hub()
                : check(submissions.get(key(step))))).toList();
    }

    private StepSignature check(SignedSubmission submission) {
        if (submission == null) {
            return failed(null, "The log holds no signed submission for this step");
        }
        SignedEnvelope envelope;
        try {
            envelope = SignedEnvelope.parse(submission.envelope());
        } catch (TrustException e) {
            return failed(submission, "The stored envelope is not a JWS: " + e.getMessage());
        }
        SigningKeys.Key key = keys.of(submission.agency(), submission.keyId()).orElse(null);
        if (key == null) {
            return failed(submission, envelope, null, "The directory does not list key " + submission.keyId()
                                                      + " for " + submission.agency().value());
        }
        String verdict = verdict(submission, envelope, key);
        if (verdict == null && key.revokedFrom() != null && !submission.signedAt().isBefore(key.revokedFrom())) {
            verdict = "The key was revoked from " + key.revokedFrom() + ", before it signed this";
        }
        return verdict == null ? signature(StepSignature.Status.VERIFIED, submission, envelope, key.certificate(), null)
                : failed(submission, envelope, key.certificate(), verdict);
    }

    /** Null if the envelope verifies with the key and the key's certificate path held when it was signed. */
    private String verdict(SignedSubmission submission, SignedEnvelope envelope, SigningKeys.Key key) {
        String remembered = Digests.sha256Hex(submission.envelope().getBytes(StandardCharsets.US_ASCII)) + "|"
                            + key.keyId();
        synchronized (verdicts) {
            String known = verdicts.get(remembered);
            if (known != null) {
                return known.isEmpty() ? null : known;
            }
        }
        String verdict = decide(submission, envelope, key);
        synchronized (verdicts) {
            verdicts.put(remembered, verdict == null ? "" : verdict);
        }
        return verdict;
    }

    private static String decide(SignedSubmission submission, SignedEnvelope envelope, SigningKeys.Key key) {
        if (!submission.keyId().equals(envelope.keyId().orElse(null))) {
            return "The envelope names another key than the event";
        }
        if (key.purpose() != KeyPurpose.SIGNING) {
            return "The key is not a signing key";
        }
        if (!envelope.verify(key.certificate().getPublicKey())) {
            return "The signature does not verify with the key";
        }
        if (!Digests.sha256Hex(envelope.payload()).equals(submission.contentHash())) {
            return "The signed content is not what the event records";
        }
        try {
            CertificatePath.check(key.certificate(), key.issuers(), key.root(), submission.signedAt(),
                                  CertificatePath.Purpose.SIGNING);
        } catch (TrustException e) {
            return "The key's certificate did not hold when it signed: " + e.getMessage();
        }
        return null;
    }

    private static StepSignature failed(SignedSubmission submission, String reason) {
        return new StepSignature(StepSignature.Status.FAILED, submission == null ? null : submission.agency(),
                submission == null ? null : submission.keyId(), null, null, null, null,
                submission == null ? null : submission.signedAt(), reason);
    }

    private static StepSignature failed(SignedSubmission submission, SignedEnvelope envelope,
                                        X509Certificate certificate, String reason) {
        return signature(StepSignature.Status.FAILED, submission, envelope, certificate, reason);
    }

    private static StepSignature signature(StepSignature.Status status, SignedSubmission submission,
                                           SignedEnvelope envelope, X509Certificate certificate, String reason) {
        return new StepSignature(status, submission.agency(), submission.keyId(), envelope.algorithm().jwsName(),
                certificate == null ? null : certificate.getSubjectX500Principal().getName(),
                certificate == null ? null : certificate.getSerialNumber().toString(16),
                certificate == null ? null : certificate.getIssuerX500Principal().getName(),
                submission.signedAt(), reason);
    }

    /** What tells the steps of one alert apart: their kind and, where there can be several, whose or which. */
    private static String key(AlertEvent event) {
        return event.dispatch(new AlertEvent.Cases<String>() {
            @Override
            public String raised(AlertRaised raised) {
                return "RAISED";
            }

            @Override
            public String acknowledged(AlertAcknowledged acknowledged) {
                return "ACKNOWLEDGED:" + acknowledged.member().value();
            }

            @Override
            public String withdrawn(AlertWithdrawn withdrawn) {
                return "WITHDRAWN";
            }

            @Override
            public String followedUp(AlertFollowedUp followedUp) {
                return "FOLLOWED_UP:" + followedUp.number();
            }

            @Override
            public String sharingRequested(OnwardSharingRequested requested) {
                return "SHARING_REQUESTED:" + requested.requestId();
            }

            @Override
            public String sharingDecided(OnwardSharingDecided decided) {
                return "SHARING_DECIDED:" + decided.requestId();
            }

            @Override
            public String escalated(AlertEscalated escalated) {
                return "ESCALATED:" + escalated.member().value();
            }
        });
    }

    private static String key(InboxStep step) {
        return switch (step.kind()) {
            case RAISED, WITHDRAWN -> step.kind().name();
            case ACKNOWLEDGED, ESCALATED -> step.kind().name() + ":" + step.member().value();
            case FOLLOWED_UP -> step.kind().name() + ":" + step.number();
            case SHARING_REQUESTED, SHARING_DECIDED -> step.kind().name() + ":" + step.requestId();
        };
    }
}
