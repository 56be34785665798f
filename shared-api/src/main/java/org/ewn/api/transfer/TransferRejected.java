package org.ewn.api.transfer;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The receiver rejected the requested transfer, for the reason given; the sender keeps the case. */
@Revision("1")
public record TransferRejected(TransferId transferId, AgencyCode sender, AgencyCode receiver, String reason,
                               SignedSubmission submission)
        implements TransferStatusChanged {

    @Override
    public TransferStatus transferStatus() {
        return TransferStatus.REJECTED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.rejected(this);
    }
}
