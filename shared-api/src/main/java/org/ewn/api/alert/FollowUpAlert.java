package org.ewn.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The originating agency adds a follow-up whose text supersedes the alert's, by a verified signed submission. */
public record FollowUpAlert(@TargetAggregateIdentifier AlertId alertId, String text, SignedSubmission submission) {

    public FollowUpAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(submission, "submission");
    }
}
