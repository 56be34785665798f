package org.ewn.api.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The referring agency records that the consent a referral rests on was withdrawn, which revokes it. */
public record WithdrawConsent(@TargetAggregateIdentifier ReferralId referralId, String reason, SignedSubmission submission) {

    public WithdrawConsent {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(submission, "submission");
    }
}
