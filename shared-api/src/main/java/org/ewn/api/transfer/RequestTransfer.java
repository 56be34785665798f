package org.ewn.api.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The submitting agency asks {@code receiver} to take over responsibility for a case. */
public record RequestTransfer(@TargetAggregateIdentifier TransferId transferId, AgencyCode receiver, String sealedSummary,
                              List<ProtectedData> subjects, Instant answerBy, SignedSubmission submission) {

    public RequestTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(sealedSummary, "sealedSummary");
        Objects.requireNonNull(answerBy, "answerBy");
        Objects.requireNonNull(submission, "submission");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }
}
