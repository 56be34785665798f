package org.ewn.command.membership;

import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.NetworkMembership.Key;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The rules the network aggregate decides membership changes by, each named and each with an actionable refusal. */
final class MembershipRules {

    private final NetworkMembership membership;

    MembershipRules(NetworkMembership membership) {
        this.membership = membership;
    }

    void onlyNetworkAdministrators(SignedSubmission submission, String action) {
        if (!membership.isNetworkAdministrator(submission.agency())) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Only the network's administrators may " + action
                    + "; " + submission.agency() + " is not one");
        }
    }

    void onlyAdministratorsOf(MemberCode member, SignedSubmission submission, String action) {
        if (!membership.administers(submission.agency(), member)) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Only administrators of " + member
                    + " or of the network may " + action + "; " + submission.agency() + " is not one");
        }
    }

    void onlyAdministratorsOrTheAgencyItselfRevoke(AgencyCode agency, SignedSubmission submission) {
        if (!submission.agency().equals(agency) && !membership.administers(submission.agency(), agency.member())) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Only " + agency + " itself or administrators of "
                    + agency.member() + " or of the network may revoke its keys; " + submission.agency()
                    + " may not");
        }
    }

    void memberNotYetAdmitted(MemberCode member) {
        if (membership.member(member).isPresent()) {
            throw invalidState("Member " + member + " is already admitted");
        }
    }

    void memberCodeIsNotTheNetworks(MemberCode member) {
        if (member.value().equals(membership.network())) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, member
                    + " is the network's own code; choose another member code");
        }
    }

    NetworkMembership.Member admitted(MemberCode member) {
        return membership.member(member).orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404,
                "Member " + member + " is not admitted to the network"));
    }

    void agencyBelongsToAnAdmittedMember(AgencyCode agency) {
        if (membership.ownAgency(agency)) {
            return;
        }
        NetworkMembership.Member member = admitted(agency.member());
        if (member.suspended()) {
            throw invalidState("Member " + member.code() + " is suspended; reinstate it before registering agencies");
        }
    }

    void agencyNotYetRegistered(AgencyCode agency) {
        if (membership.agency(agency).isPresent()) {
            throw invalidState("Agency " + agency + " is already registered");
        }
    }

    void agencyIsRegistered(AgencyCode agency) {
        if (membership.agency(agency).isEmpty()) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "Agency " + agency
                    + " is not registered; register it before enrolling its keys");
        }
    }

    void keyNotYetEnrolled(String keyId) {
        membership.key(keyId).ifPresent(key -> {
            throw invalidState("This key is already enrolled for " + key.agency() + " (key id " + keyId + ")");
        });
    }

    Key keyOfTheAgency(AgencyCode agency, String keyId) {
        return membership.key(keyId).filter(key -> key.agency().equals(agency))
                         .orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404,
                                 "Agency " + agency + " has no key with id " + keyId));
    }

    void keyNotYetRevoked(Key key) {
        if (key.revokedFrom() != null) {
            throw invalidState("Key " + key.keyId() + " is already revoked from " + key.revokedFrom());
        }
    }

    void revocationTakesEffectNoLaterThanNow(Instant effectiveAt, Instant now) {
        if (effectiveAt.isAfter(now)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "A revocation takes effect now or from an "
                    + "earlier time of compromise, not in the future (" + effectiveAt + ")");
        }
    }

    void lastAdministratorKeyStays(Key key) {
        if (membership.isNetworkAdministrator(key.agency()) && membership.activeAdministratorSigningKeys() <= 1
            && key.purpose() == KeyPurpose.SIGNING) {
            throw invalidState("This is the network's last administrator signing key; enrol another one first, "
                    + "or no one could administer the network");
        }
    }

    /** A group names members that take alerts: admitted ones, at least one. Suspended ones are skipped when raising. */
    void groupMembersAreAdmitted(Collection<MemberCode> members) {
        if (members.isEmpty()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "An address group needs at least one member");
        }
        List<String> unknown = members.stream().filter(m -> membership.member(m).isEmpty())
                                               .map(MemberCode::value).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemTypes.UNKNOWN_ADDRESSEE, 422, "Not members of the network: "
                    + String.join(", ", unknown));
        }
    }

    NetworkMembership.Group groupExists(GroupCode group) {
        return membership.group(group).orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404,
                "There is no address group " + group));
    }

    ProblemException invalidState(String detail) {
        return new ProblemException(ProblemTypes.INVALID_STATE, 409, detail);
    }
}
