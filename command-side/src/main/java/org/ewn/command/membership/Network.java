package org.ewn.command.membership;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.AdmitMember;
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
import org.ewn.trust.KeyIds;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.NetworkMembership.Key;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;

import java.security.cert.X509Certificate;
import java.time.Instant;
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
            onlyNetworkAdministrators(command.submission(), "admit members");
            memberNotYetAdmitted(command.member());
            memberCodeIsNotTheNetworks(command.member());
            Certificates.memberCa(command.caCertificate(), command.member(), membership.root(),
                                  command.submission().signedAt());
            apply(new MemberAdmitted(command.member(), command.name(), command.kind(), command.caCertificate(),
                                     command.submission()));
        });
    }

    @CommandHandler
    long handle(RegisterAgency command) {
        return once(command, () -> {
            onlyAdministratorsOf(command.agency().member(), command.submission(), "register its agencies");
            agencyBelongsToAnAdmittedMember(command.agency());
            agencyNotYetRegistered(command.agency());
            apply(new AgencyRegistered(command.agency(), command.name(), command.administrator(),
                                       command.submission()));
        });
    }

    @CommandHandler
    long handle(EnrolKey command) {
        return once(command, () -> {
            onlyAdministratorsOf(command.agency().member(), command.submission(), "enrol its agencies' keys");
            agencyIsRegistered(command.agency());
            X509Certificate certificate = Certificates.agencyKey(command.certificate(), command.agency(), membership,
                                                                 command.submission().signedAt());
            String keyId = KeyIds.of(certificate.getPublicKey());
            keyNotYetEnrolled(keyId);
            apply(new KeyEnrolled(command.agency(), keyId, Certificates.purpose(certificate), command.certificate(),
                                  command.submission()));
        });
    }

    @CommandHandler
    long handle(RevokeKey command) {
        return once(command, () -> {
            SignedSubmission submission = command.submission();
            Key key = keyOfTheAgency(command.agency(), command.keyId());
            onlyAdministratorsOrTheAgencyItselfRevoke(command.agency(), submission);
            keyNotYetRevoked(key);
            Instant effectiveAt = command.effectiveAt() == null ? submission.receivedAt() : command.effectiveAt();
            revocationTakesEffectNoLaterThanNow(effectiveAt, submission.receivedAt());
            lastAdministratorKeyStays(key);
            apply(new KeyRevoked(command.agency(), command.keyId(), effectiveAt, command.reason(), submission));
        });
    }

    @CommandHandler
    long handle(SuspendMember command) {
        return once(command, () -> {
            onlyNetworkAdministrators(command.submission(), "suspend members");
            NetworkMembership.Member member = admitted(command.member());
            if (member.suspended()) {
                throw invalidState("Member " + member.code() + " is already suspended");
            }
            apply(new MemberSuspended(command.member(), command.reason(), command.submission()));
        });
    }

    @CommandHandler
    long handle(ReinstateMember command) {
        return once(command, () -> {
            onlyNetworkAdministrators(command.submission(), "reinstate members");
            NetworkMembership.Member member = admitted(command.member());
            if (!member.suspended()) {
                throw invalidState("Member " + member.code() + " is not suspended");
            }
            apply(new MemberReinstated(command.member(), command.submission()));
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
            if (!recorded.sameContentAs(submission)) {
                throw new TrustException(TrustFailure.REPLAYED_SUBMISSION, "Submission id "
                        + submission.submissionId() + " was already used for other content; sign a new submission "
                        + "with a new submission id");
            }
            return recorded.sequence();
        });
    }

    private void networkIsFoundedOnce() {
        if (membership.founded()) {
            throw invalidState("The network " + membership.network() + " is already founded");
        }
    }

    private void networkIsFounded() {
        if (!membership.founded()) {
            throw invalidState("The network is not founded yet");
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

    private void onlyNetworkAdministrators(SignedSubmission submission, String action) {
        if (!membership.isNetworkAdministrator(submission.agency())) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Only the network's administrators may " + action
                    + "; " + submission.agency() + " is not one");
        }
    }

    private void onlyAdministratorsOf(MemberCode member, SignedSubmission submission, String action) {
        if (!membership.administers(submission.agency(), member)) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Only administrators of " + member
                    + " or of the network may " + action + "; " + submission.agency() + " is not one");
        }
    }

    private void onlyAdministratorsOrTheAgencyItselfRevoke(AgencyCode agency, SignedSubmission submission) {
        if (!submission.agency().equals(agency) && !membership.administers(submission.agency(), agency.member())) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Only " + agency + " itself or administrators of "
                    + agency.member() + " or of the network may revoke its keys; " + submission.agency()
                    + " may not");
        }
    }

    private void memberNotYetAdmitted(MemberCode member) {
        if (membership.member(member).isPresent()) {
            throw invalidState("Member " + member + " is already admitted");
        }
    }

    private void memberCodeIsNotTheNetworks(MemberCode member) {
        if (member.value().equals(membership.network())) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, member
                    + " is the network's own code; choose another member code");
        }
    }

    private NetworkMembership.Member admitted(MemberCode member) {
        return membership.member(member).orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404,
                "Member " + member + " is not admitted to the network"));
    }

    private void agencyBelongsToAnAdmittedMember(AgencyCode agency) {
        if (membership.ownAgency(agency)) {
            return;
        }
        NetworkMembership.Member member = admitted(agency.member());
        if (member.suspended()) {
            throw invalidState("Member " + member.code() + " is suspended; reinstate it before registering agencies");
        }
    }

    private void agencyNotYetRegistered(AgencyCode agency) {
        if (membership.agency(agency).isPresent()) {
            throw invalidState("Agency " + agency + " is already registered");
        }
    }

    private void agencyIsRegistered(AgencyCode agency) {
        if (membership.agency(agency).isEmpty()) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "Agency " + agency
                    + " is not registered; register it before enrolling its keys");
        }
    }

    private void keyNotYetEnrolled(String keyId) {
        membership.key(keyId).ifPresent(key -> {
            throw invalidState("This key is already enrolled for " + key.agency() + " (key id " + keyId + ")");
        });
    }

    private Key keyOfTheAgency(AgencyCode agency, String keyId) {
        return membership.key(keyId).filter(key -> key.agency().equals(agency))
                         .orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404,
                                 "Agency " + agency + " has no key with id " + keyId));
    }

    private static void keyNotYetRevoked(Key key) {
        if (key.revokedFrom() != null) {
            throw invalidState("Key " + key.keyId() + " is already revoked from " + key.revokedFrom());
        }
    }

    private static void revocationTakesEffectNoLaterThanNow(Instant effectiveAt, Instant now) {
        if (effectiveAt.isAfter(now)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "A revocation takes effect now or from an "
                    + "earlier time of compromise, not in the future (" + effectiveAt + ")");
        }
    }

    private void lastAdministratorKeyStays(Key key) {
        if (membership.isNetworkAdministrator(key.agency()) && membership.activeAdministratorSigningKeys() <= 1
            && key.purpose() == org.ewn.api.membership.KeyPurpose.SIGNING) {
            throw invalidState("This is the network's last administrator signing key; enrol another one first, "
                    + "or no one could administer the network");
        }
    }

    private static ProblemException invalidState(String detail) {
        return new ProblemException(ProblemTypes.INVALID_STATE, 409, detail);
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
