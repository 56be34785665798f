package org.ewn.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

import java.util.SortedSet;
import java.util.TreeSet;

/** Defines an address group, or replaces the members of an existing one. */
public record DefineAddressGroup(@TargetAggregateIdentifier String network, GroupCode group, String name,
                                 SortedSet<MemberCode> members, SignedSubmission submission)
        implements MembershipCommand {

    public DefineAddressGroup {
        members = new TreeSet<>(members);
    }
}
