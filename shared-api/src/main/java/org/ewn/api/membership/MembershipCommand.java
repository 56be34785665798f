package org.ewn.api.membership;

import org.ewn.api.submission.SignedSubmission;

/** A change to the network's membership, asked for by a verified signed submission. */
public interface MembershipCommand {

    /** The network's code, which identifies its membership. */
    String network();

    SignedSubmission submission();
}
