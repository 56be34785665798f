package org.ewn.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The originating agency withdraws its alert, by a verified signed submission that names it and says why. */
public record WithdrawAlert(@TargetAggregateIdentifier AlertId alertId, String reason, SignedSubmission submission) {

    public WithdrawAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(submission, "submission");
    }
}
