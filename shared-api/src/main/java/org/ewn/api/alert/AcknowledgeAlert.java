package org.ewn.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** An addressee's agency acknowledges an alert, by a verified signed submission that names it. */
public record AcknowledgeAlert(@TargetAggregateIdentifier AlertId alertId, SignedSubmission submission) {

    public AcknowledgeAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(submission, "submission");
    }
}
