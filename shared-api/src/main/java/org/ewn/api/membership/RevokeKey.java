package org.ewn.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;

/** Revokes an agency's key from {@code effectiveAt} (null: from now). */
public record RevokeKey(@TargetAggregateIdentifier String network, AgencyCode agency, String keyId, Instant effectiveAt, String reason, SignedSubmission submission)
        implements MembershipCommand {
}
