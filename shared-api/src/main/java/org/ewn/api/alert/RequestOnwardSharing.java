package org.ewn.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** An addressee asks the originator for permission to share the alert onward, by a verified signed submission. */
public record RequestOnwardSharing(@TargetAggregateIdentifier AlertId alertId, String recipients, String purpose,
                                   SignedSubmission submission) {

    public RequestOnwardSharing {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(submission, "submission");
    }
}
