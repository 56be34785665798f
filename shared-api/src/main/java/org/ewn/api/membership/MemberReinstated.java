package org.ewn.api.membership;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

@Revision("1")
public record MemberReinstated(MemberCode member, SignedSubmission submission) implements MembershipEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.reinstated(this);
    }
}
