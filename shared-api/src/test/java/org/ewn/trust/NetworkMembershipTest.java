package org.ewn.trust;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.AgencyRegistered;
import org.ewn.api.membership.KeyEnrolled;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.membership.KeyRevoked;
import org.ewn.api.membership.MemberAdmitted;
import org.ewn.api.membership.MemberKind;
import org.ewn.api.membership.MemberSuspended;
import org.ewn.api.membership.NetworkFounded;
import org.ewn.api.submission.SignedSubmission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkMembershipTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final AgencyCode ADMIN = new AgencyCode("EWN-ADMIN");
    private static final AgencyCode KZ_MVD = new AgencyCode("KZ-MVD");
    private static final AgencyCode KZ_HQ = new AgencyCode("KZ-HQ");
    private static final MemberCode KZ = MemberCode.of("KZ");

    private final IssuedKey root = NetworkPki.root("EWN", T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(9)));
    private final IssuedKey kzCa = NetworkPki.memberCa(root, "KZ", "Kazakhstan", T0.minus(Duration.ofDays(1)),
                                                       T0.plus(Duration.ofDays(9)));
    private final IssuedKey kzKey = NetworkPki.signingKey(kzCa, "KZ-MVD", KeyKind.ED25519,
                                                          T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(9)));
    private final String keyId = KeyIds.of(kzKey.certificate().getPublicKey());
    private NetworkMembership membership;
    private long sequence;

    @BeforeEach
    void history() {
        membership = new NetworkMembership();
        apply(new NetworkFounded("EWN", "Network", der(root), submission()));
        apply(new AgencyRegistered(ADMIN, "Administration", true, submission()));
        apply(new MemberAdmitted(KZ, "Kazakhstan", MemberKind.STATE, der(kzCa), submission()));
        apply(new AgencyRegistered(KZ_MVD, "Ministry", false, submission()));
        apply(new AgencyRegistered(KZ_HQ, "Headquarters", true, submission()));
        apply(new KeyEnrolled(KZ_MVD, keyId, KeyPurpose.SIGNING, der(kzKey), submission()));
    }

    @Test
    void aKeyIsRevokedFromItsRevocationTimeOnNotBefore() {
        Instant compromise = T0.plus(Duration.ofHours(1));
        apply(new KeyRevoked(KZ_MVD, keyId, compromise, "lost", submission()));
        NetworkMembership.Key key = membership.key(keyId).orElseThrow();

        assertThat(key.revokedAt(compromise.minusSeconds(1))).as("signed before the revocation").isFalse();
        assertThat(key.revokedAt(compromise)).as("signed at the revocation").isTrue();
        assertThat(key.revokedAt(compromise.plusSeconds(1))).as("signed after the revocation").isTrue();
        assertThat(key.revocationReason()).isEqualTo("lost");
    }

    @Test
    void administratorsAdministerTheNetworkOrTheirOwnMember() {
        assertThat(membership.isNetworkAdministrator(ADMIN)).isTrue();
        assertThat(membership.administers(ADMIN, MemberCode.of("KG"))).isTrue();
        assertThat(membership.administers(KZ_HQ, KZ)).isTrue();
        assertThat(membership.administers(KZ_HQ, MemberCode.of("KG"))).isFalse();
        assertThat(membership.administers(KZ_MVD, KZ)).as("not an administrator").isFalse();
        assertThat(membership.isNetworkAdministrator(KZ_HQ)).isFalse();
    }

    @Test
    void theNetworksOwnAgenciesAreCertifiedByTheRootAndMembersAgenciesByTheirCa() {
        assertThat(membership.issuersFor(ADMIN)).contains(java.util.List.of());
        assertThat(membership.issuersFor(KZ_MVD).orElseThrow()).containsExactly(kzCa.certificate());
        assertThat(membership.issuersFor(new AgencyCode("KG-MVD"))).as("KG is not admitted").isEmpty();
    }

    @Test
    void aCopyDoesNotSeeLaterEvents() {
        NetworkMembership before = membership.copy();
        apply(new MemberSuspended(KZ, "audit", submission()));

        assertThat(membership.member(KZ).orElseThrow().suspended()).isTrue();
        assertThat(before.member(KZ).orElseThrow().suspended()).isFalse();
        assertThat(before.version()).isEqualTo(membership.version() - 1);
    }

    @Test
    void remembersEachSubmissionAtItsFirstEvent() {
        SignedSubmission founding = submission();
        NetworkMembership fresh = new NetworkMembership();
        fresh.apply(new NetworkFounded("EWN", "Network", der(root), founding), 0);
        fresh.apply(new AgencyRegistered(ADMIN, "Administration", true, founding), 1);

        assertThat(fresh.submission(founding.submissionId()).orElseThrow().sequence()).isZero();
        assertThat(fresh.submission(founding.submissionId()).orElseThrow().sameContentAs(founding)).isTrue();
        assertThat(fresh.submission(UUID.randomUUID())).isEmpty();
    }

    private void apply(org.ewn.api.membership.MembershipEvent event) {
        membership.apply(event, sequence++);
    }

    private static SignedSubmission submission() {
        UUID id = UUID.randomUUID();
        return new SignedSubmission(id, "test", ADMIN, "kid", T0, T0, "hash-" + id, "h.p.s");
    }

    private static String der(IssuedKey key) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(key.certificate()));
    }
}
