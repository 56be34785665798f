package org.ewn.api.callback;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

import java.util.Objects;

/**
 * Registers the URL the hub calls an agency back at, replacing any before, or removes it.
 *
 * @param url        the https URL to call; null to remove the callback
 * @param submission the verified signed submission
 */
public record SetCallback(@TargetAggregateIdentifier CallbackId callbackId, String url, SignedSubmission submission) {

    public SetCallback {
        Objects.requireNonNull(callbackId, "callbackId");
        Objects.requireNonNull(submission, "submission");
    }
}
