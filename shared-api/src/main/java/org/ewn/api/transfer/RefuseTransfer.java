package org.ewn.api.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The holder refuses a transfer it was asked for, with a reason. */
public record RefuseTransfer(@TargetAggregateIdentifier TransferId transferId, String reason, SignedSubmission submission) {

    public RefuseTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(submission, "submission");
    }
}
