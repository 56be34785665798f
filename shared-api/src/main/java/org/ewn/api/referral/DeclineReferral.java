package org.ewn.api.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The receiving agency declines a referral, with a reason. */
public record DeclineReferral(@TargetAggregateIdentifier ReferralId referralId, String reason, SignedSubmission submission) {

    public DeclineReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(submission, "submission");
    }
}
