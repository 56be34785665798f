package org.ewn.api.membership;

import org.ewn.api.submission.SignedSubmission;

/**
 * Everything that can happen to the network's membership. Sealed, and every member dispatches to its own method of
 * {@link Cases}, so a projection implementing {@code Cases} fails to compile until it handles a new kind of event.
 */
public sealed interface MembershipEvent
        permits NetworkFounded, MemberAdmitted, AgencyRegistered, KeyEnrolled, KeyRevoked, MemberSuspended,
                MemberReinstated, AddressGroupDefined, AddressGroupDissolved {

    /** The signed submission this event was born of. */
    SignedSubmission submission();

    <R> R dispatch(Cases<R> cases);

    /** One method per kind of membership event. */
    interface Cases<R> {

        R founded(NetworkFounded event);

        R admitted(MemberAdmitted event);

        R registered(AgencyRegistered event);

        R enrolled(KeyEnrolled event);

        R revoked(KeyRevoked event);

        R suspended(MemberSuspended event);

        R reinstated(MemberReinstated event);

        R groupDefined(AddressGroupDefined event);

        R groupDissolved(AddressGroupDissolved event);
    }
}
