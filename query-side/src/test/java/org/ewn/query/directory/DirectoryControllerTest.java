package org.ewn.query.directory;

import org.ewn.query.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.membership.MemberKind;
import org.ewn.api.membership.MembershipEvent;
import org.ewn.query.directory.DirectoryViews.AgencySummary;
import org.ewn.query.directory.DirectoryViews.AgencyView;
import org.ewn.query.directory.DirectoryViews.KeyStatus;
import org.ewn.query.directory.DirectoryViews.KeyView;
import org.ewn.query.directory.DirectoryViews.MemberSummary;
import org.ewn.query.directory.DirectoryViews.MemberView;
import org.ewn.query.directory.DirectoryViews.NetworkView;
import org.ewn.trust.IssuedKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.ewn.query.directory.MembershipHistory.NOW;
import static org.ewn.query.directory.MembershipHistory.base64;
import static org.ewn.query.directory.MembershipHistory.keyId;

class DirectoryControllerTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final MembershipHistory HISTORY = new MembershipHistory();
    private static final MongoDatabase PROJECTED = project(HISTORY.all());

    private final DirectoryController directory = at(NOW);

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void networkShowsItsRootCertificateAndFingerprint() throws Exception {
        NetworkView network = directory.network();

        assertThat(network.code()).isEqualTo("EWN");
        assertThat(network.name()).isEqualTo("Early-Warning Network");
        assertThat(network.foundedAt()).isEqualTo(Instant.parse("2025-02-01T09:00:00Z"));
        assertThat(network.root().certificate()).isEqualTo(base64(HISTORY.root));
        assertThat(network.root().fingerprint()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(HISTORY.root.certificate().getEncoded())));
        assertThat(network.root().notAfter()).isEqualTo(Instant.parse("2035-01-01T00:00:00Z"));
    }

    @Test
    void networkIsNotFoundBeforeItsFounding() {
        DirectoryController empty = new DirectoryController(MONGO.freshDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertNotFound(empty::network);
        assertThat(empty.members()).isEmpty();
        assertThat(empty.agencies(null)).isEmpty();
    }

    @Test
    void membersAreListedByCodeWithTheirAgencies() {
        assertThat(directory.members())
                .extracting(MemberSummary::code, MemberSummary::kind, MemberSummary::suspended, MemberSummary::agencies)
                .containsExactly(tuple("KZ", MemberKind.STATE, false, List.of("KZ-ADMIN", "KZ-MVD")),
                        tuple("UNOCT", MemberKind.PARTNER_ORGANISATION, true, List.of()));
        assertThat(directory.members().get(0).admittedAt()).isEqualTo(Instant.parse("2025-02-02T09:00:00Z"));
    }

    @Test
    void membersAreSortedByCodeWhateverTheOrderOfAdmission() {
        DirectoryController reversed = new DirectoryController(project(List.of(HISTORY.founded, HISTORY.unoct,
                HISTORY.ministry, HISTORY.kazakhstan, HISTORY.kazakhAdministration)), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(reversed.members()).extracting(MemberSummary::code).containsExactly("KZ", "UNOCT");
        assertThat(reversed.members().get(0).agencies()).containsExactly("KZ-ADMIN", "KZ-MVD");
        assertThat(reversed.agencies(null)).extracting(AgencySummary::code).containsExactly("KZ-ADMIN", "KZ-MVD");
    }

    @Test
    void memberShowsItsCaCertificateAndItsAgencies() {
        MemberView kazakhstan = directory.member("KZ");

        assertThat(kazakhstan.name()).isEqualTo("Kazakhstan");
        assertThat(kazakhstan.suspended()).isFalse();
        assertThat(kazakhstan.suspendedAt()).isNull();
        assertThat(kazakhstan.ca().certificate()).isEqualTo(base64(HISTORY.kazakhstanCa));
        assertThat(kazakhstan.ca().subject()).isEqualTo("CN=Kazakhstan CA,OU=KZ,O=EWN");
        assertThat(kazakhstan.ca().issuer()).isEqualTo("CN=EWN Root CA,O=EWN");
        assertThat(kazakhstan.ca().notAfter()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(kazakhstan.agencies())
                .extracting(AgencySummary::code, AgencySummary::name, AgencySummary::administrator)
                .containsExactly(tuple("KZ-ADMIN", "Kazakhstan administration", true),
                        tuple("KZ-MVD", "Ministry of Internal Affairs", false));
    }

    @Test
    void suspendedMemberShowsWhenAndWhy() {
        MemberView unoct = directory.member("UNOCT");

        assertThat(unoct.suspended()).isTrue();
        assertThat(unoct.suspendedAt()).isEqualTo(Instant.parse("2026-04-01T09:00:00Z"));
        assertThat(unoct.suspensionReason()).isEqualTo("mandate under review");
        assertThat(unoct.agencies()).isEmpty();
    }

    @Test
    void unknownMemberIsNotFoundAndAMalformedCodeIsInvalid() {
        assertNotFound(() -> directory.member("UZ"));
        assertNotFound(() -> directory.member("EWN"));
        assertThatThrownBy(() -> directory.member("kz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.member("KZ-MVD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agenciesAreListedByCodeOrByMember() {
        assertThat(directory.agencies(null)).extracting(AgencySummary::code)
                .containsExactly("EWN-ADMIN", "KZ-ADMIN", "KZ-MVD");
        assertThat(directory.agencies("KZ"))
                .extracting(AgencySummary::code, AgencySummary::member, AgencySummary::registeredAt)
                .containsExactly(tuple("KZ-ADMIN", "KZ", Instant.parse("2025-02-04T09:00:00Z")),
                        tuple("KZ-MVD", "KZ", Instant.parse("2025-02-05T09:00:00Z")));
        assertThat(directory.agencies("EWN")).extracting(AgencySummary::code).containsExactly("EWN-ADMIN");
        assertThat(directory.agencies("UNOCT")).isEmpty();
        assertThatThrownBy(() -> directory.agencies("kz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agencyShowsCurrentAndPastKeysNewestFirstWithTheirStatus() {
        AgencyView ministry = directory.agency("KZ-MVD");

        assertThat(ministry.member()).isEqualTo("KZ");
        assertThat(ministry.administrator()).isFalse();
        assertThat(ministry.keys())
                .extracting(KeyView::keyId, KeyView::purpose, KeyView::status)
                .containsExactly(tuple(keyId(HISTORY.encryptionKey), KeyPurpose.ENCRYPTION, KeyStatus.ACTIVE),
                        tuple(keyId(HISTORY.signingKey), KeyPurpose.SIGNING, KeyStatus.ACTIVE),
                        tuple(keyId(HISTORY.compromisedKey), KeyPurpose.SIGNING, KeyStatus.REVOKED),
                        tuple(keyId(HISTORY.expiredKey), KeyPurpose.SIGNING, KeyStatus.EXPIRED));
        KeyView revoked = ministry.keys().get(2);
        assertThat(revoked.revokedFrom()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(revoked.revokedAt()).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
        assertThat(revoked.revocationReason()).isEqualTo("private key compromised");
        assertThat(revoked.certificate()).isEqualTo(base64(HISTORY.compromisedKey));
        assertThat(revoked.subject()).isEqualTo("CN=KZ-MVD,OU=KZ,O=EWN");
        assertThat(revoked.issuer()).isEqualTo("CN=Kazakhstan CA,OU=KZ,O=EWN");
        assertThat(revoked.serial()).isEqualTo(HISTORY.compromisedKey.certificate().getSerialNumber().toString(16));
        assertThat(ministry.keys().get(0).revokedFrom()).isNull();
        assertThat(ministry.keys().get(0).enrolledAt()).isEqualTo(Instant.parse("2026-01-03T09:00:00Z"));
    }

    @Test
    void keyStatusIsThatAtTheTimeOfTheQuery() {
        assertThat(status(at(Instant.parse("2026-02-28T23:59:59Z")), HISTORY.compromisedKey))
                .isEqualTo(KeyStatus.ACTIVE);
        assertThat(status(at(Instant.parse("2026-03-01T00:00:00Z")), HISTORY.compromisedKey))
                .isEqualTo(KeyStatus.REVOKED);
        assertThat(status(at(Instant.parse("2025-12-31T23:59:59Z")), HISTORY.signingKey))
                .isEqualTo(KeyStatus.NOT_YET_VALID);
        assertThat(status(at(Instant.parse("2026-01-01T00:00:00Z")), HISTORY.expiredKey))
                .isEqualTo(KeyStatus.ACTIVE);
        assertThat(status(at(Instant.parse("2026-01-01T00:00:01Z")), HISTORY.expiredKey))
                .isEqualTo(KeyStatus.EXPIRED);
        assertThat(status(at(Instant.parse("2028-06-01T00:00:00Z")), HISTORY.compromisedKey))
                .as("a revoked key stays revoked once it has also expired").isEqualTo(KeyStatus.REVOKED);
    }

    @Test
    void unknownAgencyIsNotFoundAndAMalformedCodeIsInvalid() {
        assertNotFound(() -> directory.agency("KZ-KNB"));
        assertThatThrownBy(() -> directory.agency("KZMVD")).isInstanceOf(IllegalArgumentException.class);
    }

    private static KeyStatus status(DirectoryController directory, IssuedKey key) {
        return directory.agency("KZ-MVD").keys().stream().filter(k -> k.keyId().equals(keyId(key)))
                .findFirst().orElseThrow().status();
    }

    private static DirectoryController at(Instant now) {
        return new DirectoryController(PROJECTED, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static MongoDatabase project(List<MembershipEvent> events) {
        MongoDatabase database = MONGO.freshDatabase();
        DirectoryProjection projection = new DirectoryProjection(database);
        events.forEach(projection::on);
        return database;
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.type()).isEqualTo(ProblemTypes.NOT_FOUND);
        });
    }
}
