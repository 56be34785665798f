package org.ewn.api.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The referring agency revokes its referral; the receiving agency's access ends at once. */
public record RevokeReferral(@TargetAggregateIdentifier ReferralId referralId, String reason, SignedSubmission submission) {

    public RevokeReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(submission, "submission");
    }
}
