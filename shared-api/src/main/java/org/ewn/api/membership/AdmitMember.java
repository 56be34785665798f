package org.ewn.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;

/** Admits a member with the CA certificate the network root issued to it. */
public record AdmitMember(@TargetAggregateIdentifier String network, MemberCode member, String name, MemberKind kind, String caCertificate, SignedSubmission submission)
        implements MembershipCommand {
}
