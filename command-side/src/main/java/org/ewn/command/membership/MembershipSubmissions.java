package org.ewn.command.membership;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.member.GroupCode;
import org.ewn.api.membership.AdmitMember;
import org.ewn.api.membership.DefineAddressGroup;
import org.ewn.api.membership.DissolveAddressGroup;
import org.ewn.api.membership.EnrolKey;
import org.ewn.api.membership.FoundNetwork;
import org.ewn.api.membership.MembershipCommand;
import org.ewn.api.membership.RegisterAgency;
import org.ewn.api.membership.ReinstateMember;
import org.ewn.api.membership.RevokeKey;
import org.ewn.api.membership.SuspendMember;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.command.membership.MembershipBodies.AdmitMemberBody;
import org.ewn.command.membership.MembershipBodies.DefineGroupBody;
import org.ewn.command.membership.MembershipBodies.DissolveGroupBody;
import org.ewn.command.membership.MembershipBodies.EnrolKeyBody;
import org.ewn.command.membership.MembershipBodies.FoundNetworkBody;
import org.ewn.command.membership.MembershipBodies.RegisterAgencyBody;
import org.ewn.command.membership.MembershipBodies.ReinstateMemberBody;
import org.ewn.command.membership.MembershipBodies.RevokeKeyBody;
import org.ewn.command.membership.MembershipBodies.SuspendMemberBody;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.Conflicts;
import org.ewn.command.submission.Receipts;
import org.ewn.command.submission.SubmissionGate;
import org.ewn.command.submission.TrustProperties;
import org.ewn.command.submission.TrustRegistry;
import org.ewn.trust.NetworkMembership;
import org.springframework.stereotype.Service;

import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Turns signed membership submissions into commands on the network aggregate, and answers with the hub's receipt.
 * Public so that a node's own setup (the demo network) takes the same path as the API.
 */
@Service
public class MembershipSubmissions {

    private final SubmissionGate gate;
    private final CommandGateway commands;
    private final TrustRegistry registry;
    private final Receipts receipts;
    private final String network;

    MembershipSubmissions(SubmissionGate gate, CommandGateway commands, TrustRegistry registry, Receipts receipts,
                          TrustProperties properties) {
        this.gate = gate;
        this.commands = commands;
        this.registry = registry;
        this.receipts = receipts;
        this.network = properties.network();
    }

    /** @param trustedRoot true only for a network this node generated itself; the API passes false */
    public Outcome found(String envelope, boolean trustedRoot) {
        Admitted admitted = gate.admitFounding(envelope, trustedRoot);
        FoundNetworkBody body = gate.body(admitted, FoundNetworkBody.class);
        return send(admitted, new FoundNetwork(network, body.name(), body.rootCertificate(),
                                               body.administratorCertificate(), admitted.submission()));
    }

    public Outcome admit(String envelope) {
        return submit(envelope, SubmissionTypes.MEMBER_ADMIT, AdmitMemberBody.class,
                      (admitted, body) -> new AdmitMember(network, body.member(), body.name(), body.kind(),
                                                          body.caCertificate(), admitted.submission()));
    }

    public Outcome register(String envelope) {
        return submit(envelope, SubmissionTypes.AGENCY_REGISTER, RegisterAgencyBody.class,
                      (admitted, body) -> new RegisterAgency(network, body.agency(), body.name(),
                                                             body.isAdministrator(), admitted.submission()));
    }

    public Outcome enrol(String envelope, AgencyCode agency) {
        return submit(envelope, SubmissionTypes.KEY_ENROL, EnrolKeyBody.class, (admitted, body) -> {
            samePath("agency", agency, body.agency());
            return new EnrolKey(network, body.agency(), body.certificate(), admitted.submission());
        });
    }

    public Outcome revoke(String envelope, AgencyCode agency, String keyId) {
        return submit(envelope, SubmissionTypes.KEY_REVOKE, RevokeKeyBody.class, (admitted, body) -> {
            samePath("agency", agency, body.agency());
            samePath("keyId", keyId, body.keyId());
            return new RevokeKey(network, body.agency(), body.keyId(), body.effectiveAt(), body.reason(),
                                 admitted.submission());
        });
    }

    public Outcome suspend(String envelope, MemberCode member) {
        return submit(envelope, SubmissionTypes.MEMBER_SUSPEND, SuspendMemberBody.class, (admitted, body) -> {
            samePath("member", member, body.member());
            return new SuspendMember(network, body.member(), body.reason(), admitted.submission());
        });
    }

    public Outcome reinstate(String envelope, MemberCode member) {
        return submit(envelope, SubmissionTypes.MEMBER_REINSTATE, ReinstateMemberBody.class, (admitted, body) -> {
            samePath("member", member, body.member());
            return new ReinstateMember(network, body.member(), admitted.submission());
        });
    }

    public Outcome defineGroup(String envelope) {
        return submit(envelope, SubmissionTypes.GROUP_DEFINE, DefineGroupBody.class,
                      (admitted, body) -> new DefineAddressGroup(network, body.group(), body.name(),
                                                                 new TreeSet<>(body.members()),
                                                                 admitted.submission()));
    }

    public Outcome dissolveGroup(String envelope, GroupCode group) {
        return submit(envelope, SubmissionTypes.GROUP_DISSOLVE, DissolveGroupBody.class, (admitted, body) -> {
            samePath("group", group, body.group());
            return new DissolveAddressGroup(network, body.group(), admitted.submission());
        });
    }

    private <B> Outcome submit(String envelope, String type, Class<B> bodyType,
                               BiFunction<Admitted, B, MembershipCommand> toCommand) {
        Admitted admitted = gate.admit(envelope, type);
        return send(admitted, toCommand.apply(admitted, gate.body(admitted, bodyType)));
    }

    private Outcome send(Admitted admitted, MembershipCommand command) {
        Conflicts.retried(() -> commands.sendAndWait(command));
        NetworkMembership.Recorded recorded = registry.refresh().submission(admitted.submissionId()).orElseThrow();
        String receipt = receipts.issue(admitted.submissionId(), recorded.contentHash(), recorded.receivedAt(),
                                        network, recorded.sequence());
        // a new submission is recorded as received now; a repeat, when it first came
        boolean created = recorded.receivedAt().equals(admitted.submission().receivedAt());
        return new Outcome(new SubmissionAccepted(admitted.submissionId(), admitted.submission().type(), receipt),
                           created);
    }

    private static void samePath(String field, Object inPath, Object inBody) {
        if (!inPath.equals(inBody)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "The path names " + field + " " + inPath
                    + " but the signed body names " + inBody);
        }
    }

    /** @param created false when the submission had been accepted before */
    public record Outcome(SubmissionAccepted accepted, boolean created) {
    }
}
