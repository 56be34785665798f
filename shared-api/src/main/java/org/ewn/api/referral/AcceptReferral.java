package org.ewn.api.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The receiving agency accepts a referral, by a verified signed submission that names it. */
public record AcceptReferral(@TargetAggregateIdentifier ReferralId referralId, SignedSubmission submission) {

    public AcceptReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(submission, "submission");
    }
}
