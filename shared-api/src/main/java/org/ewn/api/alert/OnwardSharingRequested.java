package org.ewn.api.alert;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

import java.util.UUID;

/**
 * An addressee asked the originator for permission to share the alert beyond what its marking allows.
 *
 * @param requestId  the request's id: the submission id that asked
 * @param recipients with whom it would share, in the addressee's words
 */
@Revision("1")
public record OnwardSharingRequested(AlertId alertId, UUID requestId, MemberCode member, AgencyCode agency,
                                     String recipients, String purpose, SignedSubmission submission)
        implements AlertEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.sharingRequested(this);
    }
}
