package org.ewn.api.transfer;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The receiver accepted the requested transfer; the handover follows. */
@Revision("1")
public record TransferAccepted(TransferId transferId, AgencyCode sender, AgencyCode receiver, SignedSubmission submission)
        implements TransferStatusChanged {

    @Override
    public TransferStatus transferStatus() {
        return TransferStatus.ACCEPTED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.accepted(this);
    }
}
