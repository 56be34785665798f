package org.ewn.api.membership;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.GroupCode;
import org.ewn.api.submission.SignedSubmission;

/** An address group was dissolved; alerts raised before keep the members it resolved to. */
@Revision("1")
public record AddressGroupDissolved(GroupCode group, SignedSubmission submission) implements MembershipEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.groupDissolved(this);
    }
}
