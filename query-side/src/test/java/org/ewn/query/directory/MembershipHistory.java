package org.ewn.query.directory;

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
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.NetworkPki;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A small network's membership history with real certificates: the EWN network, Kazakhstan (KZ) with an
 * administration and a ministry whose keys are current, expired and revoked, and a partner organisation (UNOCT) that
 * gets suspended. Times are chosen around {@link #NOW}, the time the tests query at.
 */
final class MembershipHistory {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final AgencyCode NETWORK_ADMIN = new AgencyCode("EWN-ADMIN");
    static final AgencyCode KZ_ADMIN = new AgencyCode("KZ-ADMIN");
    static final AgencyCode KZ_MVD = new AgencyCode("KZ-MVD");
    static final MemberCode KZ = MemberCode.of("KZ");
    static final MemberCode UNOCT = MemberCode.of("UNOCT");

    final IssuedKey root = NetworkPki.root("EWN", at("2025-01-01"), at("2035-01-01"));
    final IssuedKey administratorKey = NetworkPki.signingKey(root, "EWN-ADMIN", KeyKind.ED25519, at("2025-01-01"),
            at("2030-01-01"));
    final IssuedKey kazakhstanCa = NetworkPki.memberCa(root, "KZ", "Kazakhstan", at("2025-01-01"), at("2030-01-01"));
    final IssuedKey unoctCa = NetworkPki.memberCa(root, "UNOCT", "UN Office of Counter-Terrorism", at("2025-01-01"),
            at("2030-01-01"));
    final IssuedKey expiredKey = NetworkPki.signingKey(kazakhstanCa, "KZ-MVD", KeyKind.ED25519, at("2025-01-01"),
            at("2026-01-01"));
    final IssuedKey compromisedKey = NetworkPki.signingKey(kazakhstanCa, "KZ-MVD", KeyKind.P256, at("2025-06-01"),
            at("2028-01-01"));
    final IssuedKey signingKey = NetworkPki.signingKey(kazakhstanCa, "KZ-MVD", KeyKind.ED25519, at("2026-01-01"),
            at("2028-01-01"));
    final IssuedKey encryptionKey = NetworkPki.encryptionKey(kazakhstanCa, "KZ-MVD", at("2026-01-01"),
            at("2028-01-01"));

    final NetworkFounded founded = new NetworkFounded("EWN", "Early-Warning Network", base64(root),
            submission(SubmissionTypes.NETWORK_FOUND, "2025-02-01T09:00:00Z"));
    final AgencyRegistered networkAdministration = new AgencyRegistered(NETWORK_ADMIN, "Network administration", true,
            founded.submission());
    final KeyEnrolled administratorEnrolled = enrolled(NETWORK_ADMIN, administratorKey, KeyPurpose.SIGNING,
            founded.submission().receivedAt().toString());
    final MemberAdmitted kazakhstan = new MemberAdmitted(KZ, "Kazakhstan", MemberKind.STATE, base64(kazakhstanCa),
            submission(SubmissionTypes.MEMBER_ADMIT, "2025-02-02T09:00:00Z"));
    final MemberAdmitted unoct = new MemberAdmitted(UNOCT, "UN Office of Counter-Terrorism",
            MemberKind.PARTNER_ORGANISATION, base64(unoctCa),
            submission(SubmissionTypes.MEMBER_ADMIT, "2025-02-03T09:00:00Z"));
    final AgencyRegistered kazakhAdministration = new AgencyRegistered(KZ_ADMIN, "Kazakhstan administration", true,
            submission(SubmissionTypes.AGENCY_REGISTER, "2025-02-04T09:00:00Z"));
    final AgencyRegistered ministry = new AgencyRegistered(KZ_MVD, "Ministry of Internal Affairs", false,
            submission(SubmissionTypes.AGENCY_REGISTER, "2025-02-05T09:00:00Z"));
    final KeyEnrolled expiredEnrolled = enrolled(KZ_MVD, expiredKey, KeyPurpose.SIGNING, "2025-03-01T09:00:00Z");
    final KeyEnrolled compromisedEnrolled = enrolled(KZ_MVD, compromisedKey, KeyPurpose.SIGNING,
            "2025-07-01T09:00:00Z");
    final KeyEnrolled signingEnrolled = enrolled(KZ_MVD, signingKey, KeyPurpose.SIGNING, "2026-01-02T09:00:00Z");
    final KeyEnrolled encryptionEnrolled = enrolled(KZ_MVD, encryptionKey, KeyPurpose.ENCRYPTION,
            "2026-01-03T09:00:00Z");
    /** Revoked from before the revocation was received: the key was known to be compromised since then. */
    final KeyRevoked compromisedRevoked = new KeyRevoked(KZ_MVD, keyId(compromisedKey),
            Instant.parse("2026-03-01T00:00:00Z"), "private key compromised",
            submission(SubmissionTypes.KEY_REVOKE, "2026-03-05T09:00:00Z"));
    final MemberSuspended unoctSuspended = new MemberSuspended(UNOCT, "mandate under review",
            submission(SubmissionTypes.MEMBER_SUSPEND, "2026-04-01T09:00:00Z"));
    final MemberSuspended kazakhstanSuspended = new MemberSuspended(KZ, "unpaid contribution",
            submission(SubmissionTypes.MEMBER_SUSPEND, "2026-04-02T09:00:00Z"));
    final MemberReinstated kazakhstanReinstated = new MemberReinstated(KZ,
            submission(SubmissionTypes.MEMBER_REINSTATE, "2026-04-10T09:00:00Z"));

    final AddressGroupDefined groupDefined = new AddressGroupDefined(GroupCode.of("CENTRAL-ASIA"), "Central Asia",
            List.of(KZ), submission(SubmissionTypes.GROUP_DEFINE, "2026-04-11T09:00:00Z"));
    final AddressGroupDefined groupRedefined = new AddressGroupDefined(GroupCode.of("CENTRAL-ASIA"),
            "Central Asia and partners", List.of(KZ, UNOCT), submission(SubmissionTypes.GROUP_DEFINE,
                                                                      "2026-04-12T09:00:00Z"));
    final AddressGroupDefined otherGroup = new AddressGroupDefined(GroupCode.of("PARTNERS-ONLY"), "Partners",
            List.of(UNOCT), submission(SubmissionTypes.GROUP_DEFINE, "2026-04-13T09:00:00Z"));
    final AddressGroupDissolved otherDissolved = new AddressGroupDissolved(GroupCode.of("PARTNERS-ONLY"),
            submission(SubmissionTypes.GROUP_DISSOLVE, "2026-04-14T09:00:00Z"));

    /** The founding and the admissions and registrations, before any key of a member's agency. */
    List<MembershipEvent> registrations() {
        return List.of(founded, networkAdministration, administratorEnrolled, kazakhstan, unoct,
                kazakhAdministration, ministry);
    }

    /** Everything, in the order the network's history holds it. */
    List<MembershipEvent> all() {
        return List.of(founded, networkAdministration, administratorEnrolled, kazakhstan, unoct,
                kazakhAdministration, ministry, expiredEnrolled, compromisedEnrolled, signingEnrolled,
                encryptionEnrolled, compromisedRevoked, unoctSuspended, kazakhstanSuspended, kazakhstanReinstated,
                groupDefined, groupRedefined, otherGroup, otherDissolved);
    }

    static String base64(IssuedKey key) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(key.certificate()));
    }

    static String keyId(IssuedKey key) {
        return KeyIds.of(key.certificate().getPublicKey());
    }

    private static KeyEnrolled enrolled(AgencyCode agency, IssuedKey key, KeyPurpose purpose, String receivedAt) {
        return new KeyEnrolled(agency, keyId(key), purpose, base64(key),
                submission(SubmissionTypes.KEY_ENROL, receivedAt));
    }

    private static SignedSubmission submission(String type, String receivedAt) {
        Instant received = Instant.parse(receivedAt);
        return new SignedSubmission(UUID.randomUUID(), type, NETWORK_ADMIN, "made-up-key-id",
                received.minusSeconds(2), received, "made-up-content-hash", "made.up.envelope");
    }

    private static Instant at(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }
}
