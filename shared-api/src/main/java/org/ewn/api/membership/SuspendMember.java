package org.ewn.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

/** Suspends a member: its agencies can no longer submit. */
public record SuspendMember(@TargetAggregateIdentifier String network, MemberCode member, String reason, SignedSubmission submission)
        implements MembershipCommand {
}
