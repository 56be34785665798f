package org.ewn.api.referral;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The receiving agency accepted the referral. */
@Revision("1")
public record ReferralAccepted(ReferralId referralId,
                               AgencyCode referringAgency,
                               AgencyCode receivingAgency,
                               SignedSubmission submission)
        implements ReferralStatusChanged {

    @Override
    public ReferralStatus referralStatus() {
        return ReferralStatus.ACCEPTED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.accepted(this);
    }
}
