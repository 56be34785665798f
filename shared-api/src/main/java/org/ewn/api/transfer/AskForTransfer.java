package org.ewn.api.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The submitting agency asks {@code holder}, the agency holding a case, to transfer it. */
public record AskForTransfer(@TargetAggregateIdentifier TransferId transferId, AgencyCode holder, String sealedSummary,
                             List<ProtectedData> subjects, Instant answerBy, SignedSubmission submission) {

    public AskForTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(sealedSummary, "sealedSummary");
        Objects.requireNonNull(answerBy, "answerBy");
        Objects.requireNonNull(submission, "submission");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }
}
