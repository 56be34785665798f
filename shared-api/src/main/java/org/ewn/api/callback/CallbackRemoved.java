package org.ewn.api.callback;

import org.axonframework.serialization.Revision;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** The hub no longer calls {@code agency} back; the agency polls instead. */
@Revision("1")
public record CallbackRemoved(AgencyCode agency, SignedSubmission submission) implements CallbackEvent {
}
