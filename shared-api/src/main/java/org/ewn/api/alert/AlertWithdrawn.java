package org.ewn.api.alert;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/**
 * The originating agency withdrew the alert; it stays in every inbox, shown as withdrawn, and can no longer be
 * acknowledged.
 *
 * @param submission the signed withdrawal, kept whole so that it can be verified again
 */
@Revision("1")
public record AlertWithdrawn(AlertId alertId, AgencyCode agency, String reason, SignedSubmission submission)
        implements AlertEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.withdrawn(this);
    }
}
