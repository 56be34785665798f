package org.ewn.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.submission.SignedSubmission;

/** Founds the network on its root certificate, with the submitting agency as its first administrator. */
public record FoundNetwork(@TargetAggregateIdentifier String network, String name, String rootCertificate, String administratorCertificate, SignedSubmission submission)
        implements MembershipCommand {
}
