package org.ewn.api.membership;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/**
 * @param keyId       base64url SHA-256 of the key's SubjectPublicKeyInfo, the {@code kid} of its signatures
 * @param certificate base64 DER, issued by the CA of the agency's member (by the root for the network's own agencies)
 */
@Revision("1")
public record KeyEnrolled(AgencyCode agency, String keyId, KeyPurpose purpose, String certificate,
                          SignedSubmission submission) implements MembershipEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.enrolled(this);
    }
}
