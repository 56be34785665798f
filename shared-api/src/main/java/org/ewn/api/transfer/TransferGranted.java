package org.ewn.api.transfer;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The holder granted the transfer it was asked for; the handover follows. */
@Revision("1")
public record TransferGranted(TransferId transferId, AgencyCode sender, AgencyCode receiver, SignedSubmission submission)
        implements TransferStatusChanged {

    @Override
    public TransferStatus transferStatus() {
        return TransferStatus.GRANTED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.granted(this);
    }
}
