package org.ewn.api.transfer;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;
import java.util.List;

/**
 * A receiving agency asked the agency holding a case to transfer it; the holder grants or refuses.
 *
 * @param sender        the holder, asked to hand the case over
 * @param receiver      the asking agency
 * @param sealedSummary the summary of the case asked for, sealed for the two parties' agencies
 * @param answerBy      when the holder must have answered
 */
@Revision("1")
public record TransferAsked(TransferId transferId, AgencyCode sender, AgencyCode receiver, String sealedSummary,
                            List<ProtectedData> subjects, Instant answerBy, SignedSubmission submission)
        implements TransferStatusChanged {

    public TransferAsked {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    @Override
    public TransferStatus transferStatus() {
        return TransferStatus.ASKED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.asked(this);
    }
}
