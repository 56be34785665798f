package org.ewn.api.referral;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The referring agency revoked the referral, or withdrew the consent it rested on; the receiving agency's access ends at once and the referral is final. */
@Revision("1")
public record ReferralRevoked(ReferralId referralId,
                              AgencyCode referringAgency,
                              AgencyCode receivingAgency,
                              RevocationCause cause,
                              String reason,
                              SignedSubmission submission)
        implements ReferralStatusChanged {

    @Override
    public ReferralStatus referralStatus() {
        return ReferralStatus.REVOKED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.revoked(this);
    }
}
