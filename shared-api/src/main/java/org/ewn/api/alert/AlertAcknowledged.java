package org.ewn.api.alert;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

/**
 * An addressed member acknowledged the alert, through one of its agencies; each addressee acknowledges once.
 *
 * @param submission the signed acknowledgement, kept whole so that it can be verified again
 */
@Revision("1")
public record AlertAcknowledged(AlertId alertId, MemberCode member, AgencyCode agency, SignedSubmission submission)
        implements AlertEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.acknowledged(this);
    }
}
