package org.ewn.api.membership;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

/** @param caCertificate base64 DER of the member's CA certificate, issued by the network root */
@Revision("1")
public record MemberAdmitted(MemberCode member, String name, MemberKind kind, String caCertificate,
                             SignedSubmission submission) implements MembershipEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.admitted(this);
    }
}
