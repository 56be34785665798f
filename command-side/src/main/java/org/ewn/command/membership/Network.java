package org.ewn.command.membership;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.membership.AddressGroupDefined;
import org.ewn.api.membership.AddressGroupDissolved;
import org.ewn.api.membership.AdmitMember;
import org.ewn.api.membership.DefineAddressGroup;
import org.ewn.api.membership.DissolveAddressGroup;
import org.ewn.api.membership.AgencyRegistered;
import org.ewn.api.membership.EnrolKey;
import org.ewn.api.membership.FoundNetwork;
import org.ewn.api.membership.KeyEnrolled;
import org.ewn.api.membership.KeyRevoked;
import org.ewn.api.membership.MemberAdmitted;
import org.ewn.api.membership.MemberReinstated;
import org.ewn.api.membership.MemberSuspended;
import org.ewn.api.membership.MembershipCommand;
import org.ewn.api.membership.MembershipEvent;
import org.ewn.api.membership.NetworkFounded;
import org.ewn.api.membership.RegisterAgency;
import org.ewn.api.membership.ReinstateMember;
import org.ewn.api.membership.RevokeKey;
import org.ewn.api.membership.SuspendMember;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.command.submission.Repeats;
import org.ewn.trust.KeyIds;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.NetworkMembership.Key;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The network's membership, one aggregate for the whole network: members, agencies and keys change rarely, and one
 * consistency boundary keeps every rule (a key's agency belongs to an admitted member, the last administrator key
 * stays) simple and exact. Every command carries a verified signed submission; each handler answers with the
 * sequence number of the submission's first event, the same when the submission is repeated.
 */
@Aggregate
class Network {

    @AggregateIdentifier
    private String network;
    private NetworkMembership membership = new NetworkMembership();
    private MembershipRules rules = new MembershipRules(membership);

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(FoundNetwork command) {
        Optional<Long> repeated = repeated(command);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        networkIsFoundedOnce();
        SignedSubmission submission = command.submission();
        X509Certificate root = Certificates.root(command.rootCertificate(), submission.signedAt());
        AgencyCode administrator = submission.agency();
        administratorBelongsToTheNetwork(command.network(), administrator);
        X509Certificate key = Certificates.administratorKey(command.administratorCertificate(), root,
                                                            submission.signedAt());
        foundingIsSignedWithTheAdministratorsKey(submission, key);
        apply(new NetworkFounded(command.network(), command.name(), command.rootCertificate(), submission));
        apply(new AgencyRegistered(administrator, "Network administration", true, submission));
        apply(new KeyEnrolled(administrator, submission.keyId(), Certificates.purpose(key),
                              command.administratorCertificate(), submission));
        return membership.submission(submission.submissionId()).orElseThrow().sequence();
    }

    @CommandHandler
    long handle(AdmitMember command) {
        return once(command, () -> {
            rules.onlyNetworkAdministrators(command.submission(), "admit members");
            rules.memberNotYetAdmitted(command.member());
            rules.memberCodeIsNotTheNetworks(command.member());
            Certificates.memberCa(command.caCertificate(), command.member(), membership.root(),
                                  command.submission().signedAt());
            apply(new MemberAdmitted(command.member(), command.name(), command.kind(), command.caCertificate(),
                                     command.submission()));
        });
    }

    @CommandHandler
    long handle(RegisterAgency command) {
        return once(command, () -> {
            rules.onlyAdministratorsOf(command.agency().member(), command.submission(), "register its agencies");
            rules.agencyBelongsToAnAdmittedMember(command.agency());
            rules.agencyNotYetRegistered(command.agency());
            apply(new AgencyRegistered(command.agency(), command.name(), command.administrator(),
                                       command.submission()));
        });
    }

    @CommandHandler
    long handle(EnrolKey command) {
        return once(command, () -> {
            rules.onlyAdministratorsOf(command.agency().member(), command.submission(), "enrol its agencies' keys");
            rules.agencyIsRegistered(command.agency());
            X509Certificate certificate = Certificates.agencyKey(command.certificate(), command.agency(), membership,
                                                                 command.submission().signedAt());
            String keyId = KeyIds.of(certificate.getPublicKey());
            rules.keyNotYetEnrolled(keyId);
            apply(new KeyEnrolled(command.agency(), keyId, Certificates.purpose(certificate), command.certificate(),
                                  command.submission()));
        });
    }

    @CommandHandler
    long handle(RevokeKey command) {
        return once(command, () -> {
            SignedSubmission submission = command.submission();
            Key key = rules.keyOfTheAgency(command.agency(), command.keyId());
            rules.onlyAdministratorsOrTheAgencyItselfRevoke(command.agency(), submission);
            rules.keyNotYetRevoked(key);
            Instant effectiveAt = command.effectiveAt() == null ? submission.receivedAt() : command.effectiveAt();
            rules.revocationTakesEffectNoLaterThanNow(effectiveAt, submission.receivedAt());
            rules.lastAdministratorKeyStays(key);
            apply(new KeyRevoked(command.agency(), command.keyId(), effectiveAt, command.reason(), submission));
        });
    }

    @CommandHandler
    long handle(SuspendMember command) {
        return once(command, () -> {
            rules.onlyNetworkAdministrators(command.submission(), "suspend members");
            NetworkMembership.Member member = rules.admitted(command.member());
            if (member.suspended()) {
                throw rules.invalidState("Member " + member.code() + " is already suspended");
            }
            apply(new MemberSuspended(command.member(), command.reason(), command.submission()));
        });
    }

    @CommandHandler
    long handle(ReinstateMember command) {
        return once(command, () -> {
            rules.onlyNetworkAdministrators(command.submission(), "reinstate members");
            NetworkMembership.Member member = rules.admitted(command.member());
            if (!member.suspended()) {
                throw rules.invalidState("Member " + member.code() + " is not suspended");
            }
            apply(new MemberReinstated(command.member(), command.submission()));
        });
    }

    @CommandHandler
    long handle(DefineAddressGroup command) {
        return once(command, () -> {
            rules.onlyNetworkAdministrators(command.submission(), "define address groups");
            rules.groupMembersAreAdmitted(command.members());
            apply(new AddressGroupDefined(command.group(), command.name(), List.copyOf(command.members()),
                                          command.submission()));
        });
    }

    @CommandHandler
    long handle(DissolveAddressGroup command) {
        return once(command, () -> {
            rules.onlyNetworkAdministrators(command.submission(), "dissolve address groups");
            rules.groupExists(command.group());
            apply(new AddressGroupDissolved(command.group(), command.submission()));
        });
    }

    private long once(MembershipCommand command, Runnable decide) {
        Optional<Long> repeated = repeated(command);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        networkIsFounded();
        decide.run();
        return membership.submission(command.submission().submissionId()).orElseThrow().sequence();
    }

    /** The same submission again gets the first answer; its id with other content is refused. */
    private Optional<Long> repeated(MembershipCommand command) {
        SignedSubmission submission = command.submission();
        return membership.submission(submission.submissionId()).map(recorded -> {
            Repeats.mustRepeat(recorded.contentHash(), submission);
            return recorded.sequence();
        });
    }

    private void networkIsFoundedOnce() {
        if (membership.founded()) {
            throw rules.invalidState("The network " + membership.network() + " is already founded");
        }
    }

    private void networkIsFounded() {
        if (!membership.founded()) {
            throw rules.invalidState("The network is not founded yet");
        }
    }

    private static void administratorBelongsToTheNetwork(String network, AgencyCode administrator) {
        if (!administrator.member().value().equals(network)) {
            throw new TrustException(TrustFailure.WRONG_MEMBER, "The founding administrator must be an agency of the "
                    + "network itself (" + network + "-…), not " + administrator);
        }
    }

    private static void foundingIsSignedWithTheAdministratorsKey(SignedSubmission submission, X509Certificate key) {
        if (!KeyIds.of(key.getPublicKey()).equals(submission.keyId())) {
            throw new TrustException(TrustFailure.UNKNOWN_KEY, "The founding must be signed with the key of the "
                    + "administrator certificate it contains");
        }
    }

    @EventSourcingHandler
    void on(MembershipEvent event, @SequenceNumber long sequence) {
        if (event instanceof NetworkFounded founded) {
            network = founded.network();
        }
        membership.apply(event, sequence);
    }

    // for Axon
    Network() {
    }
}
