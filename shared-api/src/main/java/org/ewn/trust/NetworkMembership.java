package org.ewn.trust;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.AddressGroupDefined;
import org.ewn.api.membership.AddressGroupDissolved;
import org.ewn.api.membership.AgencyRegistered;
import org.ewn.api.membership.KeyEnrolled;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.membership.KeyRevoked;
import org.ewn.api.membership.MemberAdmitted;
import org.ewn.api.membership.MemberKind;
import org.ewn.api.membership.MemberReinstated;
import org.ewn.api.membership.MemberSuspended;
import org.ewn.api.membership.MembershipEvent;
import org.ewn.api.membership.NetworkFounded;
import org.ewn.api.submission.SignedSubmission;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The network's membership as of a point in its history: the root certificate, the members and their CAs, the
 * agencies and their keys, with suspensions and revocations. It is a fold over {@link MembershipEvent}s, so the
 * membership aggregate decides with it and the hub's gate checks signatures against the same state.
 */
public final class NetworkMembership {

    private String network;
    private X509Certificate root;
    private final Map<MemberCode, Member> members;
    private final Map<AgencyCode, Agency> agencies;
    private final Map<String, Key> keys;
    private final Map<UUID, Recorded> submissions;
    private final Map<GroupCode, Group> groups;
    private long version = -1;

    public NetworkMembership() {
        this(new TreeMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>(), new TreeMap<>());
    }

    private NetworkMembership(Map<MemberCode, Member> members, Map<AgencyCode, Agency> agencies, Map<String, Key> keys,
                              Map<UUID, Recorded> submissions, Map<GroupCode, Group> groups) {
        this.members = members;
        this.agencies = agencies;
        this.keys = keys;
        this.submissions = submissions;
        this.groups = groups;
    }

    /** A copy that later events applied to this one do not change. */
    public NetworkMembership copy() {
        NetworkMembership copy = new NetworkMembership(new TreeMap<>(members), new TreeMap<>(agencies),
                                                       new HashMap<>(keys), new HashMap<>(submissions),
                                                       new TreeMap<>(groups));
        copy.network = network;
        copy.root = root;
        copy.version = version;
        return copy;
    }

    /** Applies the event stored at {@code sequence} of the network's history. */
    public void apply(MembershipEvent event, long sequence) {
        submissions.putIfAbsent(event.submission().submissionId(),
                                new Recorded(event.submission().contentHash(), sequence,
                                             event.submission().receivedAt()));
        event.dispatch(new Folding());
        version = sequence;
    }

    public boolean founded() {
        return network != null;
    }

    public String network() {
        return network;
    }

    public X509Certificate root() {
        return root;
    }

    /** The sequence number of the last event applied, -1 before the founding. */
    public long version() {
        return version;
    }

    public Optional<Member> member(MemberCode code) {
        return Optional.ofNullable(members.get(code));
    }

    public Collection<Member> members() {
        return List.copyOf(members.values());
    }

    public Optional<Agency> agency(AgencyCode code) {
        return Optional.ofNullable(agencies.get(code));
    }

    public Collection<Agency> agencies() {
        return List.copyOf(agencies.values());
    }

    public Optional<Key> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Collection<Key> keys() {
        return List.copyOf(keys.values());
    }

    public Optional<Group> group(GroupCode code) {
        return Optional.ofNullable(groups.get(code));
    }

    public Collection<Group> groups() {
        return List.copyOf(groups.values());
    }

    /** Where the submission's first event lies in the network's history, and what was signed. */
    public Optional<Recorded> submission(UUID submissionId) {
        return Optional.ofNullable(submissions.get(submissionId));
    }

    /** An agency of the network's own code, registered as an administrator. */
    public boolean isNetworkAdministrator(AgencyCode agency) {
        return founded() && ownAgency(agency) && agency(agency).map(Agency::administrator).orElse(false);
    }

    /** The network's administrators administer every member; a member's administrator agencies their own. */
    public boolean administers(AgencyCode submitter, MemberCode member) {
        return isNetworkAdministrator(submitter)
               || agency(submitter).map(a -> a.administrator() && submitter.member().equals(member)).orElse(false);
    }

    /** Whether the agency belongs to the network itself rather than to a member. */
    public boolean ownAgency(AgencyCode agency) {
        return network != null && agency.member().value().equals(network);
    }

    /**
     * The certificates between an agency's key and the root, issuer first: its member's CA, or none for the network's
     * own agencies, whose keys the root certifies directly. Empty if the agency's member is not admitted.
     */
    public Optional<List<X509Certificate>> issuersFor(AgencyCode agency) {
        if (ownAgency(agency)) {
            return Optional.of(List.of());
        }
        return member(agency.member()).map(m -> List.of(m.ca()));
    }

    /** Signing keys of the network's administrators that are not revoked. */
    public long activeAdministratorSigningKeys() {
        return keys.values().stream()
                   .filter(k -> k.purpose() == KeyPurpose.SIGNING && k.revokedFrom() == null
                                && isNetworkAdministrator(k.agency()))
                   .count();
    }

    public static X509Certificate certificate(String base64Der) {
        return NetworkPki.certificate(Base64.getDecoder().decode(base64Der));
    }

    /** A member of the network. */
    public record Member(MemberCode code, String name, MemberKind kind, X509Certificate ca, boolean suspended,
                         Instant admittedAt) {

        Member suspended(boolean now) {
            return new Member(code, name, kind, ca, now, admittedAt);
        }
    }

    /** A named address group; its members as defined, sorted. */
    public record Group(GroupCode code, String name, List<MemberCode> members) {

        public Group {
            members = List.copyOf(members);
        }
    }

    /** A registered agency; {@code administrator} agencies administer their member (or the network). */
    public record Agency(AgencyCode code, String name, boolean administrator) {
    }

    /**
     * An enrolled key with its certificate.
     *
     * @param revokedFrom from when its signatures are refused, or null
     */
    public record Key(String keyId, AgencyCode agency, KeyPurpose purpose, X509Certificate certificate,
                      Instant enrolledAt, Instant revokedFrom, String revocationReason) {

        public boolean revokedAt(Instant time) {
            return revokedFrom != null && !time.isBefore(revokedFrom);
        }
    }

    /**
     * @param sequence   the sequence number, in the network's history, of the submission's first event
     * @param receivedAt when the hub first accepted it
     */
    public record Recorded(String contentHash, long sequence, Instant receivedAt) {

        public boolean sameContentAs(SignedSubmission submission) {
            return contentHash.equals(submission.contentHash());
        }
    }

    private final class Folding implements MembershipEvent.Cases<Void> {

        @Override
        public Void founded(NetworkFounded event) {
            network = event.network();
            root = certificate(event.rootCertificate());
            return null;
        }

        @Override
        public Void admitted(MemberAdmitted event) {
            members.put(event.member(), new Member(event.member(), event.name(), event.kind(),
                                                   certificate(event.caCertificate()), false,
                                                   event.submission().receivedAt()));
            return null;
        }

        @Override
        public Void registered(AgencyRegistered event) {
            agencies.put(event.agency(), new Agency(event.agency(), event.name(), event.administrator()));
            return null;
        }

        @Override
        public Void enrolled(KeyEnrolled event) {
            keys.put(event.keyId(), new Key(event.keyId(), event.agency(), event.purpose(),
                                            certificate(event.certificate()), event.submission().receivedAt(),
                                            null, null));
            return null;
        }

        @Override
        public Void revoked(KeyRevoked event) {
            keys.computeIfPresent(event.keyId(), (id, k) -> new Key(id, k.agency(), k.purpose(), k.certificate(),
                                                                    k.enrolledAt(), event.effectiveAt(),
                                                                    event.reason()));
            return null;
        }

        @Override
        public Void suspended(MemberSuspended event) {
            members.computeIfPresent(event.member(), (code, m) -> m.suspended(true));
            return null;
        }

        @Override
        public Void reinstated(MemberReinstated event) {
            members.computeIfPresent(event.member(), (code, m) -> m.suspended(false));
            return null;
        }

        @Override
        public Void groupDefined(AddressGroupDefined event) {
            groups.put(event.group(), new Group(event.group(), event.name(), event.members()));
            return null;
        }

        @Override
        public Void groupDissolved(AddressGroupDissolved event) {
            groups.remove(event.group());
            return null;
        }
    }

    /** For messages: the keys of an agency, newest first. */
    public List<Key> keysOf(AgencyCode agency) {
        List<Key> found = new ArrayList<>();
        for (Key key : keys.values()) {
            if (key.agency().equals(agency)) {
                found.add(key);
            }
        }
        found.sort((a, b) -> b.enrolledAt().compareTo(a.enrolledAt()));
        return found;
    }
}
