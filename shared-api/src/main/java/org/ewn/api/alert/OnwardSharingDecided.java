package org.ewn.api.alert;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

import java.util.UUID;

/** The originating agency granted or refused an addressee's request to share the alert onward. */
@Revision("1")
public record OnwardSharingDecided(AlertId alertId, UUID requestId, MemberCode requester, boolean granted,
                                   String reason, AgencyCode agency, SignedSubmission submission)
        implements AlertEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.sharingDecided(this);
    }
}
