package org.ewn.query.directory;

import org.ewn.query.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.ewn.api.membership.MembershipEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.query.directory.DirectoryProjection.GROUPS;
import static org.ewn.query.directory.DirectoryProjection.AGENCIES;
import static org.ewn.query.directory.DirectoryProjection.MEMBERS;
import static org.ewn.query.directory.DirectoryProjection.NETWORK;
import static org.ewn.query.EmbeddedMongo.all;
import static org.ewn.query.EmbeddedMongo.one;
import static org.ewn.query.directory.MembershipHistory.base64;
import static org.ewn.query.directory.MembershipHistory.keyId;

class DirectoryProjectionTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final MembershipHistory HISTORY = new MembershipHistory();

    private MongoDatabase database;
    private DirectoryProjection projection;

    @BeforeEach
    void freshDirectory() {
        database = MONGO.freshDatabase();
        projection = new DirectoryProjection(database);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void foundingRecordsTheNetworkWithItsRootAndFingerprint() throws Exception {
        apply(List.of(HISTORY.founded));

        Document network = one(database, NETWORK, "EWN");
        assertThat(network.getString("name")).isEqualTo("Early-Warning Network");
        assertThat(network.getDate("foundedAt")).isEqualTo(date("2025-02-01T09:00:00Z"));
        Document root = network.get("root", Document.class);
        assertThat(root.getString("certificate")).isEqualTo(HISTORY.founded.rootCertificate());
        assertThat(root.getString("fingerprint")).isEqualTo(sha256Hex(HISTORY.root.certificate()))
                .hasSize(64);
        assertThat(root.getString("subject")).isEqualTo("CN=EWN Root CA,O=EWN");
        assertThat(root.getDate("notAfter")).isEqualTo(date("2035-01-01T00:00:00Z"));
    }

    @Test
    void admittingRecordsTheMemberWithItsCaNotSuspended() {
        apply(HISTORY.registrations());

        Document kazakhstan = one(database, MEMBERS, "KZ");
        assertThat(kazakhstan.getString("name")).isEqualTo("Kazakhstan");
        assertThat(kazakhstan.getString("kind")).isEqualTo("STATE");
        assertThat(kazakhstan.getBoolean("suspended")).isFalse();
        assertThat(kazakhstan.getDate("admittedAt")).isEqualTo(date("2025-02-02T09:00:00Z"));
        Document ca = kazakhstan.get("ca", Document.class);
        assertThat(ca.getString("certificate")).isEqualTo(base64(HISTORY.kazakhstanCa));
        assertThat(ca.getString("subject")).isEqualTo("CN=Kazakhstan CA,OU=KZ,O=EWN");
        assertThat(ca.getString("issuer")).isEqualTo("CN=EWN Root CA,O=EWN");
        assertThat(ca.getDate("notBefore")).isEqualTo(date("2025-01-01T00:00:00Z"));
        assertThat(ca.getDate("notAfter")).isEqualTo(date("2030-01-01T00:00:00Z"));
        assertThat(one(database, MEMBERS, "UNOCT").getString("kind")).isEqualTo("PARTNER_ORGANISATION");
        assertThat(all(database, MEMBERS)).extracting(d -> d.getString("_id")).containsExactly("KZ", "UNOCT");
    }

    @Test
    void registeringRecordsTheAgencyUnderItsMemberWithNoKeys() {
        apply(HISTORY.registrations());

        Document ministry = one(database, AGENCIES, "KZ-MVD");
        assertThat(ministry.getString("member")).isEqualTo("KZ");
        assertThat(ministry.getString("name")).isEqualTo("Ministry of Internal Affairs");
        assertThat(ministry.getBoolean("administrator")).isFalse();
        assertThat(ministry.getDate("registeredAt")).isEqualTo(date("2025-02-05T09:00:00Z"));
        assertThat(ministry.getList("keys", Document.class)).isEmpty();
        assertThat(one(database, AGENCIES, "KZ-ADMIN").getBoolean("administrator")).isTrue();
        Document networkAdministration = one(database, AGENCIES, "EWN-ADMIN");
        assertThat(networkAdministration.getString("member")).isEqualTo("EWN");
        assertThat(networkAdministration.getList("keys", Document.class))
                .extracting(k -> k.getString("keyId")).containsExactly(keyId(HISTORY.administratorKey));
    }

    @Test
    void enrollingAddsSigningAndEncryptionKeysWithTheirCertificates() {
        apply(HISTORY.registrations());
        apply(List.of(HISTORY.signingEnrolled, HISTORY.encryptionEnrolled));

        List<Document> keys = one(database, AGENCIES, "KZ-MVD").getList("keys", Document.class);
        assertThat(keys).extracting(k -> k.getString("keyId"))
                .containsExactly(keyId(HISTORY.signingKey), keyId(HISTORY.encryptionKey));
        Document signing = keys.get(0);
        X509Certificate certificate = HISTORY.signingKey.certificate();
        assertThat(signing.getString("purpose")).isEqualTo("SIGNING");
        assertThat(signing.getString("certificate")).isEqualTo(base64(HISTORY.signingKey));
        assertThat(signing.getString("subject")).isEqualTo("CN=KZ-MVD,OU=KZ,O=EWN");
        assertThat(signing.getString("issuer")).isEqualTo("CN=Kazakhstan CA,OU=KZ,O=EWN");
        assertThat(signing.getString("serial")).isEqualTo(certificate.getSerialNumber().toString(16));
        assertThat(signing.getDate("notBefore")).isEqualTo(date("2026-01-01T00:00:00Z"));
        assertThat(signing.getDate("notAfter")).isEqualTo(date("2028-01-01T00:00:00Z"));
        assertThat(signing.getDate("enrolledAt")).isEqualTo(date("2026-01-02T09:00:00Z"));
        assertThat(signing).doesNotContainKeys("revokedFrom", "revocationReason");
        Document encryption = keys.get(1);
        assertThat(encryption.getString("purpose")).isEqualTo("ENCRYPTION");
        assertThat(encryption.getString("serial"))
                .isEqualTo(HISTORY.encryptionKey.certificate().getSerialNumber().toString(16))
                .isNotEqualTo(signing.getString("serial"));
    }

    @Test
    void revokingMarksOnlyThatKeyFromItsEffectiveTime() {
        apply(HISTORY.registrations());
        apply(List.of(HISTORY.compromisedEnrolled, HISTORY.signingEnrolled, HISTORY.compromisedRevoked));

        List<Document> keys = one(database, AGENCIES, "KZ-MVD").getList("keys", Document.class);
        Document compromised = keys.get(0);
        assertThat(compromised.getString("keyId")).isEqualTo(keyId(HISTORY.compromisedKey));
        assertThat(compromised.getDate("revokedFrom")).isEqualTo(date("2026-03-01T00:00:00Z"));
        assertThat(compromised.getDate("revokedAt")).isEqualTo(date("2026-03-05T09:00:00Z"));
        assertThat(compromised.getString("revocationReason")).isEqualTo("private key compromised");
        assertThat(compromised.getString("certificate")).isEqualTo(base64(HISTORY.compromisedKey));
        assertThat(keys.get(1)).doesNotContainKeys("revokedFrom", "revokedAt", "revocationReason");
    }

    @Test
    void suspendingAndReinstatingFollowTheMember() {
        apply(HISTORY.registrations());
        apply(List.of(HISTORY.unoctSuspended, HISTORY.kazakhstanSuspended));

        Document kazakhstan = one(database, MEMBERS, "KZ");
        assertThat(kazakhstan.getBoolean("suspended")).isTrue();
        assertThat(kazakhstan.getDate("suspendedAt")).isEqualTo(date("2026-04-02T09:00:00Z"));
        assertThat(kazakhstan.getString("suspensionReason")).isEqualTo("unpaid contribution");

        apply(List.of(HISTORY.kazakhstanReinstated));

        Document reinstated = one(database, MEMBERS, "KZ");
        assertThat(reinstated.getBoolean("suspended")).isFalse();
        assertThat(reinstated).doesNotContainKeys("suspendedAt", "suspensionReason");
        assertThat(reinstated.getString("name")).isEqualTo("Kazakhstan");
        assertThat(one(database, MEMBERS, "UNOCT").getBoolean("suspended")).isTrue();
    }

    /** During a replay over the directory, readers must not see a suspended member as reinstated, even briefly. */
    @Test
    void aRepeatedAdmissionKeepsTheSuspensionThatFollowedIt() {
        apply(List.of(HISTORY.founded, HISTORY.unoct, HISTORY.unoctSuspended, HISTORY.unoct));

        Document unoct = one(database, MEMBERS, "UNOCT");
        assertThat(unoct.getBoolean("suspended")).isTrue();
        assertThat(unoct.getString("suspensionReason")).isEqualTo("mandate under review");
    }

    @Test
    void everyEventTwiceInARowGivesTheSameDocuments() {
        apply(HISTORY.all());
        List<List<Document>> once = snapshot(database);

        MongoDatabase twice = MONGO.freshDatabase();
        DirectoryProjection again = new DirectoryProjection(twice);
        for (MembershipEvent event : HISTORY.all()) {
            again.on(event);
            again.on(event);
        }

        assertThat(snapshot(twice)).isEqualTo(once);
        assertThat(one(twice, AGENCIES, "KZ-MVD").getList("keys", Document.class)).hasSize(4);
    }

    @Test
    void replayingTheWholeHistoryOverTheDirectoryChangesNothing() {
        apply(HISTORY.all());
        List<List<Document>> once = snapshot(database);

        apply(HISTORY.all());

        assertThat(snapshot(database)).isEqualTo(once);
        Document compromised = one(database, AGENCIES, "KZ-MVD").getList("keys", Document.class).get(1);
        assertThat(compromised.getString("keyId")).isEqualTo(keyId(HISTORY.compromisedKey));
        assertThat(compromised.getDate("revokedFrom")).isNotNull();
        assertThat(one(database, MEMBERS, "UNOCT").getBoolean("suspended")).isTrue();
    }

    @Test
    void resetEmptiesTheDirectoryForAReplayFromTheStart() {
        apply(HISTORY.all());
        List<List<Document>> once = snapshot(database);

        projection.reset();
        assertThat(snapshot(database)).allSatisfy(collection -> assertThat(collection).isEmpty());

        apply(HISTORY.all());
        assertThat(snapshot(database)).isEqualTo(once);
    }

    @Test
    void anAddressGroupIsDefinedDefinedAnewAndDissolved() {
        apply(HISTORY.all());

        Document group = one(database, GROUPS, "CENTRAL-ASIA");
        assertThat(group.getString("name")).isEqualTo("Central Asia and partners");
        assertThat(group.getList("members", String.class)).containsExactly("KZ", "UNOCT");
        assertThat(group.getDate("definedAt")).isEqualTo(date("2026-04-12T09:00:00Z"));
        assertThat(all(database, GROUPS)).extracting(d -> d.getString("_id")).containsExactly("CENTRAL-ASIA");
    }

    private void apply(List<MembershipEvent> events) {
        events.forEach(projection::on);
    }

    private static List<List<Document>> snapshot(MongoDatabase database) {
        return List.of(all(database, NETWORK), all(database, MEMBERS), all(database, AGENCIES), all(database, GROUPS));
    }

    private static Date date(String instant) {
        return Date.from(Instant.parse(instant));
    }

    private static String sha256Hex(X509Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
