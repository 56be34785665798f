package org.ewn.api.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The holder grants a transfer it was asked for. */
public record GrantTransfer(@TargetAggregateIdentifier TransferId transferId, SignedSubmission submission) {

    public GrantTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(submission, "submission");
    }
}
