package org.ewn.command.referral;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.referral.ReferralId;
import org.ewn.api.referral.ReferralSubmitted;
import org.ewn.api.referral.SubmitReferral;
import org.ewn.api.subject.DataKind;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.command.subject.PersonalDataIntake;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.Conflicts;
import org.ewn.command.submission.KeyedSubmission;
import org.ewn.command.submission.Receipts;
import org.ewn.command.submission.Repeats;
import org.ewn.command.submission.TrustRegistry;
import org.ewn.seal.SealException;
import org.ewn.seal.SealedContent;
import org.ewn.trust.NetworkMembership;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Turns an admitted {@code referral.submit} into a {@link SubmitReferral}. The submission id is the referral's id, so
 * a repeated submission meets the existing referral: the same signed content gets the original answer and receipt,
 * other content is refused.
 */
@Component
@EnableConfigurationProperties(ReferralProperties.class)
class ReferralSubmissions {

    private final CommandGateway commands;
    private final EventStore events;
    private final TrustRegistry registry;
    private final Receipts receipts;
    private final ReferralProperties properties;
    private final PersonalDataIntake intake;

    ReferralSubmissions(CommandGateway commands, EventStore events, TrustRegistry registry, Receipts receipts,
                        ReferralProperties properties, PersonalDataIntake intake) {
        this.commands = commands;
        this.events = events;
        this.registry = registry;
        this.receipts = receipts;
        this.properties = properties;
        this.intake = intake;
    }

    Outcome submit(Admitted admitted, SubmitReferralBody body, KeyedSubmission keys) {
        SignedSubmission submission = admitted.submission();
        ReferralId referralId = new ReferralId(submission.submissionId());
        Optional<ReferralSubmitted> before = submitted(referralId);
        if (before.isPresent()) {
            return repeated(submission, before.get());
        }
        AgencyCode receiving = receivingAgency(body.receivingAgency());
        PersonalDataIntake.Checked person = intake.check(List.of(body.subject()), keys);
        SubmitReferral command = new SubmitReferral(referralId, submission.agency(), receiving, body.services(),
                body.urgency(), body.consent().toConsent(), body.summary(), sealed(body, receiving, submission),
                person.subjects().get(0), submission.receivedAt().plus(properties.acceptWithin(body.urgency())),
                submission);
        Referral.mayBeSubmitted(command);
        person.keep(DataKind.REFERRAL, submission.agency().member(), submission.receivedAt());
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (!Conflicts.isConflict(e)) {
                throw e;
            }
            // submitted at the same moment by another node, or its id was used for another referral
            return repeated(submission, submitted(referralId).orElseThrow(() -> e));
        }
        return new Outcome(received(submission, receiving, command.acceptBy()), true);
    }

    /** A registered agency of an admitted member that is not suspended. */
    private AgencyCode receivingAgency(String code) {
        NetworkMembership membership = registry.current();
        Optional<AgencyCode> agency;
        try {
            agency = Optional.of(new AgencyCode(code)).filter(a -> membership.agency(a).isPresent());
        } catch (IllegalArgumentException e) {
            agency = Optional.empty();
        }
        Optional<NetworkMembership.Member> member = agency.flatMap(a -> membership.member(a.member()));
        if (agency.isEmpty() || member.isEmpty() || member.get().suspended()) {
            throw new ProblemException(ProblemTypes.UNKNOWN_ADDRESSEE, 422, "receivingAgency " + code + " is not a "
                    + "registered agency of a member that is not suspended (GET /api/v1/agencies lists them)");
        }
        return agency.get();
    }

    /**
     * A sealed summary must be sealed to enrolled encryption keys of the receiving agency and of the referring member's
     * agencies, to at least one of the receiving agency's, and to no one else.
     */
    private String sealed(SubmitReferralBody body, AgencyCode receiving, SignedSubmission submission) {
        if (body.sealedSummary() == null || body.sealedSummary().isNull()) {
            return null;
        }
        SealedContent sealed;
        try {
            sealed = SealedContent.of(body.sealedSummary());
        } catch (SealException | IllegalArgumentException e) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "body.sealedSummary: " + e.getMessage());
        }
        NetworkMembership membership = registry.current();
        MemberCode referring = submission.agency().member();
        boolean reachesReceiver = false;
        for (String kid : sealed.recipientKeyIds()) {
            NetworkMembership.Key key = membership.key(kid).orElse(null);
            if (key == null || key.purpose() != KeyPurpose.ENCRYPTION || key.revokedAt(submission.receivedAt())) {
                throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "body.sealedSummary names key " + kid
                        + ", which is not an enrolled, unrevoked encryption key; seal to the keys listed under "
                        + "GET /api/v1/agencies/{agency}");
            }
            if (!key.agency().equals(receiving) && !key.agency().member().equals(referring)) {
                throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "body.sealedSummary is also sealed "
                        + "for " + key.agency() + ", which is neither the receiving agency nor of member " + referring);
            }
            reachesReceiver |= key.agency().equals(receiving);
        }
        if (!reachesReceiver) {
            throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "body.sealedSummary is sealed for no "
                    + "encryption key of " + receiving + "; seal it to the receiving agency's key");
        }
        return sealed.toJson();
    }

    private Outcome repeated(SignedSubmission submission, ReferralSubmitted original) {
        Repeats.mustRepeat(original.submission(), submission);
        return new Outcome(received(original.submission(), original.receivingAgency(), original.acceptBy()), false);
    }

    private Optional<ReferralSubmitted> submitted(ReferralId referralId) {
        try (var stream = events.readEvents(referralId.toString()).asStream()) {
            return stream.map(DomainEventMessage::getPayload)
                    .filter(ReferralSubmitted.class::isInstance).map(ReferralSubmitted.class::cast).findFirst();
        }
    }

    /** The answer from what was recorded, so that a repeat gets the very same one. */
    private ReferralReceived received(SignedSubmission recorded, AgencyCode receiving, java.time.Instant acceptBy) {
        String receipt = receipts.issue(recorded, recorded.submissionId().toString(), 0);
        return new ReferralReceived(recorded.submissionId(), recorded.submissionId(), recorded.agency(), receiving,
                                    acceptBy, receipt);
    }

    /** @param created false when the submission had been accepted before */
    record Outcome(ReferralReceived received, boolean created) {
    }
}
