package org.ewn.api.membership;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

import java.time.Instant;

/**
 * @param effectiveAt from when signatures by the key are refused: the time of the revocation, or an earlier time of
 *                    a known compromise
 */
@Revision("1")
public record KeyRevoked(AgencyCode agency, String keyId, Instant effectiveAt, String reason,
                         SignedSubmission submission) implements MembershipEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.revoked(this);
    }
}
