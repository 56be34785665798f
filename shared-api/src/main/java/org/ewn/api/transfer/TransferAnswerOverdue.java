package org.ewn.api.transfer;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;

/**
 * The party that was to answer let the deadline pass: the hub reminds, once per transfer. It changes no status.
 *
 * @param awaited the agency whose answer is awaited
 */
@Revision("1")
public record TransferAnswerOverdue(TransferId transferId, AgencyCode sender, AgencyCode receiver, AgencyCode awaited, Instant answerBy,
                                    Instant remindedAt)
        implements TransferEvent {

    /** None: the hub reminds on its own. */
    @Override
    public SignedSubmission submission() {
        return null;
    }

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.overdue(this);
    }
}
