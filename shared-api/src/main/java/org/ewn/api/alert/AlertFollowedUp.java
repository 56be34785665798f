package org.ewn.api.alert;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/**
 * The originating agency added a follow-up: numbered from 1, its text supersedes the alert's earlier text while the
 * history keeps every version. {@code sealed} holds the text sealed for the addressees instead (null before sealed
 * follow-ups existed, and for text in the clear).
 */
@Revision("1")
public record AlertFollowedUp(AlertId alertId, int number, AgencyCode agency, String text, String sealed,
                              SignedSubmission submission) implements AlertEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.followedUp(this);
    }
}
