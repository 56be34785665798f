package org.ewn.api.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The receiver accepts a requested transfer, by a signed submission that names it. */
public record AcceptTransfer(@TargetAggregateIdentifier TransferId transferId, SignedSubmission submission) {

    public AcceptTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(submission, "submission");
    }
}
