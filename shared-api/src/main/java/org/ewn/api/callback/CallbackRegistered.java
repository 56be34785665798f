package org.ewn.api.callback;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The hub calls {@code agency} back at {@code url} from now on, about every case it is a party to. */
@Revision("1")
public record CallbackRegistered(AgencyCode agency, String url, SignedSubmission submission)
        implements CallbackEvent {
}
