package org.ewn.api.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The receiving agency closes a referral with its outcome and why. */
public record CloseReferral(@TargetAggregateIdentifier ReferralId referralId, ReferralOutcome outcome, String reason, SignedSubmission submission) {

    public CloseReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(submission, "submission");
    }
}
