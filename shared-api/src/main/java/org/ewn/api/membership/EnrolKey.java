package org.ewn.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** Enrols an agency's signing or encryption key by its certificate. */
public record EnrolKey(@TargetAggregateIdentifier String network, AgencyCode agency, String certificate, SignedSubmission submission)
        implements MembershipCommand {
}
