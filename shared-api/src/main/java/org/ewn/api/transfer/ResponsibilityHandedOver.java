package org.ewn.api.transfer;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;

/**
 * Responsibility for the case moved: the receiver holds it now, and the sender keeps read access for audit only. The
 * hub's own step, completing an accepted or granted transfer, so no agency's submission stands behind it.
 *
 * @param at when the hub completed the handover
 */
@Revision("1")
public record ResponsibilityHandedOver(TransferId transferId, AgencyCode sender, AgencyCode receiver, Instant at)
        implements TransferStatusChanged {

    /** None: the hub completes the handover on its own. */
    @Override
    public SignedSubmission submission() {
        return null;
    }

    @Override
    public TransferStatus transferStatus() {
        return TransferStatus.HANDED_OVER;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.handedOver(this);
    }
}
