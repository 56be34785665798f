package org.ewn.api.referral;

import org.ewn.api.member.AgencyCode;

/**
 * Everything that can happen to a referral. The family is sealed and every member dispatches to its own method of
 * {@link Cases}, so a projection that implements {@code Cases} fails to compile until it handles a new kind of event.
 */
public sealed interface ReferralEvent permits ReferralStatusChanged, ReferralOverdue {

    ReferralId referralId();

    AgencyCode referringAgency();

    AgencyCode receivingAgency();

    <R> R dispatch(Cases<R> cases);

    /** One method per kind of referral event. */
    interface Cases<R> {

        R submitted(ReferralSubmitted event);

        R accepted(ReferralAccepted event);

        R declined(ReferralDeclined event);

        R inProgress(ReferralMarkedInProgress event);

        R closed(ReferralClosed event);

        R revoked(ReferralRevoked event);

        R overdue(ReferralOverdue event);
    }
}
