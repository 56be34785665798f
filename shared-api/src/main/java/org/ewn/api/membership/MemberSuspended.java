package org.ewn.api.membership;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

/** While suspended, a member's agencies cannot submit; it still appears in the directory. */
@Revision("1")
public record MemberSuspended(MemberCode member, String reason, SignedSubmission submission)
        implements MembershipEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.suspended(this);
    }
}
