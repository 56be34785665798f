package org.ewn.command.referral;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.referral.AcceptReferral;
import org.ewn.api.referral.CloseReferral;
import org.ewn.api.referral.Consent;
import org.ewn.api.referral.DeclineReferral;
import org.ewn.api.referral.MarkReferralInProgress;
import org.ewn.api.referral.ReferralAccepted;
import org.ewn.api.referral.ReferralClosed;
import org.ewn.api.referral.ReferralDeclined;
import org.ewn.api.referral.ReferralId;
import org.ewn.api.referral.ReferralMarkedInProgress;
import org.ewn.api.referral.ReferralOverdue;
import org.ewn.api.referral.ReferralRevoked;
import org.ewn.api.referral.ReferralStatus;
import org.ewn.api.referral.ReferralStatusChanged;
import org.ewn.api.referral.ReferralSubmitted;
import org.ewn.api.referral.RemindOfReferral;
import org.ewn.api.referral.RevocationCause;
import org.ewn.api.referral.RevokeReferral;
import org.ewn.api.referral.SubmitReferral;
import org.ewn.api.referral.WithdrawConsent;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.command.submission.Repeats;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A referral of a person to services, from the moment the referring agency submits it. The referring agency keeps the
 * case and may revoke it; the receiving agency answers, works and closes it. Its fields hold only what the rules use.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Referral {

    @AggregateIdentifier
    private ReferralId referralId;
    private AgencyCode referringAgency;
    private AgencyCode receivingAgency;
    private ReferralStatus status;
    private Instant consentValidUntil;
    private Instant acceptBy;
    private boolean reminded;
    /** The ids of the submissions after the first → what was signed and where its event lies. */
    private Map<UUID, Recorded> submissions = new HashMap<>();

    @CommandHandler
    Referral(SubmitReferral command) {
        mayBeSubmitted(command);
        apply(new ReferralSubmitted(command.referralId(), command.referringAgency(), command.receivingAgency(),
                command.services(), command.urgency(), command.consent(), command.summary(), command.sealedSummary(),
                command.subject(), command.acceptBy(), command.submission()));
    }

    // Every later step answers with the sequence number of its event, the same when its submission is repeated.

    @CommandHandler
    long handle(AcceptReferral command) {
        return once(command.submission(), submission -> {
            onlyTheReceivingAgency(submission, "accept it");
            mustBeIn(EnumSet.of(ReferralStatus.SUBMITTED), "accepted");
            consentMustStillHold(submission);
            apply(new ReferralAccepted(referralId, referringAgency, receivingAgency, submission));
        });
    }

    @CommandHandler
    long handle(DeclineReferral command) {
        return once(command.submission(), submission -> {
            onlyTheReceivingAgency(submission, "decline it");
            mustBeIn(EnumSet.of(ReferralStatus.SUBMITTED), "declined");
            apply(new ReferralDeclined(referralId, referringAgency, receivingAgency, command.reason(), submission));
        });
    }

    @CommandHandler
    long handle(MarkReferralInProgress command) {
        return once(command.submission(), submission -> {
            onlyTheReceivingAgency(submission, "mark it in progress");
            mustBeIn(EnumSet.of(ReferralStatus.ACCEPTED), "marked in progress");
            consentMustStillHold(submission);
            apply(new ReferralMarkedInProgress(referralId, referringAgency, receivingAgency, submission));
        });
    }

    @CommandHandler
    long handle(CloseReferral command) {
        return once(command.submission(), submission -> {
            onlyTheReceivingAgency(submission, "close it");
            mustBeIn(EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS), "closed");
            apply(new ReferralClosed(referralId, referringAgency, receivingAgency, command.outcome(), command.reason(),
                                     submission));
        });
    }

    @CommandHandler
    long handle(RevokeReferral command) {
        return once(command.submission(), submission -> {
            onlyTheReferringAgency(submission, "revoke it");
            mustBeOpen("revoked");
            apply(new ReferralRevoked(referralId, referringAgency, receivingAgency, RevocationCause.REVOKED_BY_REFERRER,
                                      command.reason(), submission));
        });
    }

    @CommandHandler
    long handle(WithdrawConsent command) {
        return once(command.submission(), submission -> {
            onlyTheReferringAgency(submission, "withdraw its consent");
            mustBeOpen("revoked for withdrawn consent");
            apply(new ReferralRevoked(referralId, referringAgency, receivingAgency, RevocationCause.CONSENT_WITHDRAWN,
                                      command.reason(), submission));
        });
    }

    /**
     * The hub's deadline watch asks on every node that sees the deadline pass; the referral records one reminder while
     * it awaits an answer, and ignores the asking otherwise.
     */
    @CommandHandler
    void handle(RemindOfReferral command) {
        if (status == ReferralStatus.SUBMITTED && !reminded && !command.now().isBefore(acceptBy)) {
            apply(new ReferralOverdue(referralId, referringAgency, receivingAgency, acceptBy, command.now()));
        }
    }

    /**
     * The rules a new referral must meet. The hub also asks them before it keeps the person's key, so that a referral
     * refused leaves nothing behind.
     */
    static void mayBeSubmitted(SubmitReferral command) {
        mustRequestAService(command);
        cannotReferToItself(command);
        mustCarryOneSummary(command);
        consentMustCoverTheReferral(command.consent());
        aChildNeedsAGuardiansConsentAndABestInterestsNote(command.consent());
        consentMustHoldWhenSubmitted(command.consent(), command.submission().receivedAt());
    }

    private long once(SignedSubmission submission, Consumer<SignedSubmission> decide) {
        Recorded recorded = submissions.get(submission.submissionId());
        if (recorded != null) {
            return sameSubmissionAgain(recorded, submission);
        }
        decide.accept(submission);
        return submissions.get(submission.submissionId()).sequence();
    }

    private static void mustRequestAService(SubmitReferral command) {
        if (command.services().isEmpty()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "A referral requests at least one service");
        }
    }

    private static void cannotReferToItself(SubmitReferral command) {
        if (command.receivingAgency().equals(command.referringAgency())) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "An agency cannot refer a person to itself");
        }
    }

    private static void mustCarryOneSummary(SubmitReferral command) {
        boolean clear = command.summary() != null && !command.summary().isBlank();
        boolean sealed = command.sealedSummary() != null;
        if (clear == sealed) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "Give the case summary either as summary "
                    + "or as sealedSummary, one of the two");
        }
    }

    private static void consentMustCoverTheReferral(Consent consent) {
        if (consent.consentedBy() == null || consent.purpose() == null || consent.purpose().isBlank()
            || consent.recipientKinds().isEmpty() || consent.validUntil() == null) {
            throw new ProblemException(ProblemTypes.INVALID_CONSENT, 422, "The consent must say who consented "
                    + "(consentedBy), for which purpose, for which kinds of recipient (recipientKinds) and until when "
                    + "(validUntil)");
        }
    }

    private static void aChildNeedsAGuardiansConsentAndABestInterestsNote(Consent consent) {
        if (!consent.child()) {
            return;
        }
        if (!consent.guardianConsent()) {
            throw new ProblemException(ProblemTypes.INVALID_CONSENT, 422, "A child is referred only with the consent "
                    + "of a parent or guardian (guardianConsent: true)");
        }
        if (consent.bestInterestsNote() == null || consent.bestInterestsNote().isBlank()) {
            throw new ProblemException(ProblemTypes.INVALID_CONSENT, 422, "A child's referral needs a note on why it "
                    + "is in the child's best interests (bestInterestsNote)");
        }
    }

    /** The hub's receipt time decides: an agency cannot back-date its way past the end of the consent. */
    private static void consentMustHoldWhenSubmitted(Consent consent, Instant receivedAt) {
        if (!consent.validAt(receivedAt)) {
            throw new ProblemException(ProblemTypes.CONSENT_EXPIRED, 422, "The consent ended at "
                    + consent.validUntil() + "; obtain consent again before referring");
        }
    }

    private void consentMustStillHold(SignedSubmission submission) {
        if (!submission.receivedAt().isBefore(consentValidUntil)) {
            throw new ProblemException(ProblemTypes.CONSENT_EXPIRED, 422, "The consent referral " + referralId
                    + " rests on ended at " + consentValidUntil + "; the referring agency must obtain it again");
        }
    }

    /** Only the two parties' members may learn that the referral exists. */
    private void onlyTheReceivingAgency(SignedSubmission submission, String action) {
        onlyParties(submission);
        if (!submission.agency().equals(receivingAgency)) {
            throw new ProblemException(ProblemTypes.NOT_THE_RECEIVING_AGENCY, 403, "Only " + receivingAgency
                    + ", to which referral " + referralId + " was made, may " + action);
        }
    }

    private void onlyTheReferringAgency(SignedSubmission submission, String action) {
        onlyParties(submission);
        if (!submission.agency().equals(referringAgency)) {
            throw new ProblemException(ProblemTypes.NOT_THE_REFERRING_AGENCY, 403, "Only " + referringAgency
                    + ", which made referral " + referralId + ", may " + action);
        }
    }

    private void onlyParties(SignedSubmission submission) {
        var member = submission.agency().member();
        if (!member.equals(referringAgency.member()) && !member.equals(receivingAgency.member())) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No referral " + referralId);
        }
    }

    private void mustBeIn(Set<ReferralStatus> allowed, String becoming) {
        if (status == ReferralStatus.REVOKED) {
            throw new ProblemException(ProblemTypes.REFERRAL_REVOKED, 409, "Referral " + referralId
                    + " was revoked; it can no longer be " + becoming);
        }
        if (!allowed.contains(status)) {
            throw new ProblemException(ProblemTypes.INVALID_STATE, 409, "Referral " + referralId + " is " + status
                    + "; only a referral that is " + allowed + " can be " + becoming);
        }
    }

    private void mustBeOpen(String becoming) {
        mustBeIn(EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS), becoming);
    }

    private static long sameSubmissionAgain(Recorded recorded, SignedSubmission submission) {
        Repeats.mustRepeat(recorded.contentHash(), submission);
        return recorded.sequence();
    }

    @EventSourcingHandler
    void on(ReferralStatusChanged event, @SequenceNumber long sequence) {
        status = event.referralStatus();
        if (event instanceof ReferralSubmitted submitted) {
            referralId = submitted.referralId();
            referringAgency = submitted.referringAgency();
            receivingAgency = submitted.receivingAgency();
            consentValidUntil = submitted.consent().validUntil();
            acceptBy = submitted.acceptBy();
            return;
        }
        submissions.put(event.submission().submissionId(),
                        new Recorded(event.submission().contentHash(), sequence));
    }

    @EventSourcingHandler
    void on(ReferralOverdue event) {
        reminded = true;
    }

    /** A submission as it was first accepted. */
    record Recorded(String contentHash, long sequence) {
    }

    // for Axon
    Referral() {
    }
}
