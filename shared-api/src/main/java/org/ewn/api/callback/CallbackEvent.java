package org.ewn.api.callback;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** What happened to an agency's callback registration. */
public sealed interface CallbackEvent permits CallbackRegistered, CallbackRemoved {

    AgencyCode agency();

    SignedSubmission submission();
}
