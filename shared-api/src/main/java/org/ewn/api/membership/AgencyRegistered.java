package org.ewn.api.membership;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/**
 * @param administrator an administrator of its member (or, for an agency of the network's own code, of the
 *                      network): it may register agencies and enrol and revoke keys
 */
@Revision("1")
public record AgencyRegistered(AgencyCode agency, String name, boolean administrator, SignedSubmission submission)
        implements MembershipEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.registered(this);
    }
}
