package org.ewn.api.referral;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;

import java.time.Instant;

/**
 * The hub's reminder that the receiving agency has neither accepted nor declined a referral by its deadline; recorded
 * once per referral. It changes nothing of where the referral stands.
 */
@Revision("1")
public record ReferralOverdue(ReferralId referralId, AgencyCode referringAgency, AgencyCode receivingAgency,
                              Instant acceptBy, Instant remindedAt) implements ReferralEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.overdue(this);
    }
}
