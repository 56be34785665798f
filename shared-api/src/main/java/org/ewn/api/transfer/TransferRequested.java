package org.ewn.api.transfer;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.List;

/**
 * The sending agency asked the receiving agency to take over responsibility for a case.
 *
 * @param sealedSummary the case summary sealed for the two parties' agencies (a JWE in JSON serialization), which the
 *                      hub stores and routes but cannot open
 * @param subjects      the person the case is about, as ciphertext only the subject's key opens (none if not given)
 * @param answerBy      when the receiver must have answered
 * @param submission    the signed request, kept whole so that it can be verified again
 */
@Revision("1")
public record TransferRequested(TransferId transferId, AgencyCode sender, AgencyCode receiver, String sealedSummary,
                                List<ProtectedData> subjects, Instant answerBy, SignedSubmission submission)
        implements TransferStatusChanged {

    public TransferRequested {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    @Override
    public TransferStatus transferStatus() {
        return TransferStatus.REQUESTED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.requested(this);
    }
}
