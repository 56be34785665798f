package org.ewn.api.membership;

import org.axonframework.serialization.Revision;
import org.ewn.api.submission.SignedSubmission;

/**
 * The network was founded on its root certificate. Agencies of the network's own code (such as {@code EWN-ADMIN})
 * are its administrators; the founding administrator's agency and key follow as their own events.
 *
 * @param network         the network's code, which every submission names
 * @param rootCertificate base64 DER of the self-signed root CA certificate
 */
@Revision("1")
public record NetworkFounded(String network, String name, String rootCertificate, SignedSubmission submission)
        implements MembershipEvent {

    @Override
    public <R> R dispatch(Cases<R> cases) {
        return cases.founded(this);
    }
}
