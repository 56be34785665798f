package org.ewn.api.membership;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

import java.util.List;

/**
 * A named address group was defined, or defined anew with other members: alerts addressed to it reach its members
 * as they are when the alert is raised.
 *
 * @param members sorted, never empty, each an admitted member
 */
@Revision("1")
public record AddressGroupDefined(GroupCode group, String name, List<MemberCode> members, SignedSubmission submission)
        implements MembershipEvent {

    public AddressGroupDefined {
        members = List.copyOf(members);
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.groupDefined(this);
    }
}
