package org.ewn.api.referral;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The receiving agency declined the referral, for the reason it gave; the referral is final. */
@Revision("1")
public record ReferralDeclined(ReferralId referralId,
                               AgencyCode referringAgency,
                               AgencyCode receivingAgency,
                               String reason,
                               SignedSubmission submission)
        implements ReferralStatusChanged {

    @Override
    public ReferralStatus referralStatus() {
        return ReferralStatus.DECLINED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.declined(this);
    }
}
