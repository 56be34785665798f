package org.ewn.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

/** Ends a member's suspension. */
public record ReinstateMember(@TargetAggregateIdentifier String network, MemberCode member, SignedSubmission submission)
        implements MembershipCommand {
}
