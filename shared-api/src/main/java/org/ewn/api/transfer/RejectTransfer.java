package org.ewn.api.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The receiver rejects a requested transfer, with a reason. */
public record RejectTransfer(@TargetAggregateIdentifier TransferId transferId, String reason, SignedSubmission submission) {

    public RejectTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(submission, "submission");
    }
}
