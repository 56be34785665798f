package org.ewn.api.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The receiving agency marks an accepted referral as being worked. */
public record MarkReferralInProgress(@TargetAggregateIdentifier ReferralId referralId, SignedSubmission submission) {

    public MarkReferralInProgress {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(submission, "submission");
    }
}
