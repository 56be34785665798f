package org.ewn.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.GroupCode;
import org.ewn.api.submission.SignedSubmission;

/** Dissolves an address group. */
public record DissolveAddressGroup(@TargetAggregateIdentifier String network, GroupCode group,
                                   SignedSubmission submission) implements MembershipCommand {
}
