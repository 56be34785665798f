package org.ewn.api.referral;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The receiving agency started to work the referral. */
@Revision("1")
public record ReferralMarkedInProgress(ReferralId referralId,
                                       AgencyCode referringAgency,
                                       AgencyCode receivingAgency,
                                       SignedSubmission submission)
        implements ReferralStatusChanged {

    @Override
    public ReferralStatus referralStatus() {
        return ReferralStatus.IN_PROGRESS;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.inProgress(this);
    }
}
