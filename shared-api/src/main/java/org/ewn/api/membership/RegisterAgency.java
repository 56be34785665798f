package org.ewn.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/** Registers an agency of an admitted member (or of the network itself). */
public record RegisterAgency(@TargetAggregateIdentifier String network, AgencyCode agency, String name, boolean administrator, SignedSubmission submission)
        implements MembershipCommand {
}
