package org.ewn.api.referral;

import org.ewn.api.casework.CaseKind;
import org.ewn.api.casework.CaseStatusChanged;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A referral event born of a signed submission that moves the referral to a new status. */
public sealed interface ReferralStatusChanged extends ReferralEvent, CaseStatusChanged
        permits ReferralSubmitted, ReferralAccepted, ReferralDeclined, ReferralMarkedInProgress, ReferralClosed,
                ReferralRevoked {

    /** The signed submission this step was born of, kept whole so that it can be verified again. */
    SignedSubmission submission();

    ReferralStatus referralStatus();

    @Override
    default CaseKind caseKind() {
        return CaseKind.REFERRAL;
    }

    @Override
    default UUID caseId() {
        return referralId().value();
    }

    @Override
    default String status() {
        return referralStatus().name();
    }

    @Override
    default Set<AgencyCode> parties() {
        return Set.copyOf(java.util.List.of(referringAgency(), receivingAgency()));
    }

    @Override
    default Instant at() {
        return submission().receivedAt();
    }
}
