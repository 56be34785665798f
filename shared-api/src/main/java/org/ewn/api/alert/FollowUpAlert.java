package org.ewn.api.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/** The originating agency adds a follow-up whose text supersedes the alert's, by a verified signed submission. */
public record FollowUpAlert(@TargetAggregateIdentifier AlertId alertId, String text, String sealed,
                            SignedSubmission submission) {

    public FollowUpAlert {
        Objects.requireNonNull(alertId, "alertId");
        if ((text == null) == (sealed == null)) {
            throw new IllegalArgumentException("a follow-up has either text or sealed text");
        }
        Objects.requireNonNull(submission, "submission");
    }
}
