package org.ewn.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;
import java.util.UUID;

/** The originating agency grants or refuses a request to share its alert onward, by a verified signed submission. */
public record DecideOnwardSharing(@TargetAggregateIdentifier AlertId alertId, UUID requestId, boolean granted,
                                  String reason, SignedSubmission submission) {

    public DecideOnwardSharing {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(submission, "submission");
    }
}
