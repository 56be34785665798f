package org.ewn.api.transfer;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The holder refused the transfer it was asked for, for the reason given; it keeps the case. */
@Revision("1")
public record TransferRefused(TransferId transferId, AgencyCode sender, AgencyCode receiver, String reason,
                              SignedSubmission submission)
        implements TransferStatusChanged {

    @Override
    public TransferStatus transferStatus() {
        return TransferStatus.REFUSED;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.refused(this);
    }
}
