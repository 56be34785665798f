package org.ewn.api.referral;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The receiving agency closed the referral with its outcome and why; the referral is final. */
@Revision("1")
public record ReferralClosed(ReferralId referralId,
                             AgencyCode referringAgency,
                             AgencyCode receivingAgency,
                             ReferralOutcome outcome,
                             String reason,
                             SignedSubmission submission)
        implements ReferralStatusChanged {

    @Override
    public ReferralStatus referralStatus() {
        return ReferralStatus.CLOSED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.closed(this);
    }
}
