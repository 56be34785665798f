package org.ewn.deploy.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.KeyStores;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.SignedEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's commands sign the submission the hub expects, built from options and key stores alone. */
class CliAdministrationTest {

    @TempDir
    static Path directory;

    private static TestPki pki;
    private FakeHub hub;

    @BeforeAll
    static void keys() throws IOException {
        pki = new TestPki(directory);
    }

    @BeforeEach
    void startHub() throws IOException {
        hub = new FakeHub(pki.hub);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void foundsTheNetworkWithTheRootAndTheAdministratorWhoSigns() throws IOException {
        Terminal.Result founded = run("network", "found", "--hub", hub.url(), "--root", pki.rootStore.toString(),
                "--administrator", pki.administratorStore.toString(), "--name", "Early-Warning Network");

        assertThat(founded.exitCode()).as(founded.toString()).isZero();
        assertThat(founded.out()).contains("founding EWN with the root of SHA-256 fingerprint "
                + Certificates.fingerprint(pki.root.certificate()));
        Submitted submitted = submitted("/api/v1/network", pki.administrator);
        assertThat(submitted.payload.get("type").textValue()).isEqualTo("network.found");
        assertThat(submitted.payload.get("agency").textValue()).isEqualTo("EWN-ADMIN");
        assertThat(submitted.body()).isEqualTo(Map.of("name", "Early-Warning Network",
                "rootCertificate", base64(pki.root.certificate()),
                "administratorCertificate", base64(pki.administrator.certificate())));
    }

    @Test
    void refusesToFoundWithAnAdministratorOfAnotherRoot() {
        Terminal.Result refused = run("network", "found", "--hub", hub.url(), "--root", pki.rootPem.toString(),
                "--administrator", pki.agencyStore.toString(), "--name", "EWN");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is not one this root certified for signing");
        assertThat(hub.requests).isEmpty();
    }

    @Test
    void admitsAMemberWithTheCertificateOfItsCa() throws IOException {
        Terminal.Result admitted = run("member", "admit", "--hub", hub.url(), "--key",
                pki.administratorStore.toString(), "--member", "KZ", "--name", "Kazakhstan", "--kind", "state",
                "--ca", pki.caStore.toString());

        assertThat(admitted.exitCode()).as(admitted.toString()).isZero();
        assertThat(submitted("/api/v1/members", pki.administrator).body()).isEqualTo(Map.of("member", "KZ",
                "name", "Kazakhstan", "kind", "STATE", "caCertificate", base64(pki.ca.certificate())));
    }

    @Test
    void refusesToAdmitAMemberWithAnotherMembersCa() {
        Terminal.Result refused = run("member", "admit", "--hub", hub.url(), "--key", pki.administratorStore.toString(),
                "--member", "UZ", "--name", "Uzbekistan", "--kind", "STATE", "--ca", pki.caStore.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("which is not the CA of UZ");
        assertThat(hub.requests).isEmpty();
    }

    @Test
    void suspendsAndReinstatesAMember() throws IOException {
        Terminal.Result suspended = run("member", "suspend", "--hub", hub.url(), "--key",
                pki.administratorStore.toString(), "--member", "KZ", "--reason", "Unpaid dues");
        Terminal.Result reinstated = run("member", "reinstate", "--hub", hub.url(), "--key",
                pki.administratorStore.toString(), "--member", "KZ");

        assertThat(suspended.exitCode()).as(suspended.toString()).isZero();
        assertThat(reinstated.exitCode()).as(reinstated.toString()).isZero();
        assertThat(submitted(0, "/api/v1/members/KZ/suspension", pki.administrator).body())
                .isEqualTo(Map.of("member", "KZ", "reason", "Unpaid dues"));
        assertThat(submitted(1, "/api/v1/members/KZ/reinstatement", pki.administrator).body())
                .isEqualTo(Map.of("member", "KZ"));
    }

    @Test
    void definesAndDissolvesAnAddressGroup() throws IOException {
        Terminal.Result defined = run("group", "define", "--hub", hub.url(), "--key",
                pki.administratorStore.toString(), "--group", "CENTRAL-ASIA", "--name", " Central Asia ",
                "--members", "UZ,KZ");
        Terminal.Result dissolved = run("group", "dissolve", "--hub", hub.url(), "--key",
                pki.administratorStore.toString(), "--group", "CENTRAL-ASIA");
        Terminal.Result badCode = run("group", "dissolve", "--hub", hub.url(), "--key",
                pki.administratorStore.toString(), "--group", "KZ");

        assertThat(defined.exitCode()).as(defined.toString()).isZero();
        assertThat(dissolved.exitCode()).as(dissolved.toString()).isZero();
        assertThat(submitted(0, "/api/v1/groups", pki.administrator).body())
                .isEqualTo(Map.of("group", "CENTRAL-ASIA", "name", "Central Asia", "members", List.of("UZ", "KZ")));
        assertThat(submitted(1, "/api/v1/groups/CENTRAL-ASIA/dissolution", pki.administrator).body())
                .isEqualTo(Map.of("group", "CENTRAL-ASIA"));
        assertThat(badCode.exitCode()).as("a member code is no group code").isEqualTo(2);
        assertThat(hub.submissions()).as("the refused code sent nothing").hasSize(2);
    }

    @Test
    void registersAnAgencyAndEnrolsItsSigningAndEncryptionKeys() throws IOException {
        String[] hubAndKey = {"--hub", hub.url(), "--key", pki.administratorStore.toString()};
        Terminal.Result registered = run(concat(new String[] {"agency", "register"}, hubAndKey,
                "--agency", "KZ-MVD", "--name", "Ministry of Internal Affairs", "--administrator"));
        Terminal.Result signing = run(concat(new String[] {"key", "enrol"}, hubAndKey,
                "--agency", "KZ-MVD", "--certificate-from", pki.agencyStore.toString()));
        Terminal.Result encryption = run(concat(new String[] {"key", "enrol"}, hubAndKey,
                "--certificate-from", pki.agencyStore.toString(), "--alias", "encryption"));

        assertThat(registered.exitCode()).as(registered.toString()).isZero();
        assertThat(signing.exitCode()).as(signing.toString()).isZero();
        assertThat(encryption.exitCode()).as(encryption.toString()).isZero();
        assertThat(submitted(0, "/api/v1/agencies", pki.administrator).body()).isEqualTo(Map.of(
                "agency", "KZ-MVD", "name", "Ministry of Internal Affairs", "administrator", true));
        assertThat(submitted(1, "/api/v1/agencies/KZ-MVD/keys", pki.administrator).body()).isEqualTo(Map.of(
                "agency", "KZ-MVD", "certificate", base64(pki.agency.certificate())));
        assertThat(submitted(2, "/api/v1/agencies/KZ-MVD/keys", pki.administrator).body()).isEqualTo(Map.of(
                "agency", "KZ-MVD", "certificate", base64(pki.agencyEncryption.certificate())));
    }

    @Test
    void refusesToEnrolACertificateForAnotherAgency() {
        Terminal.Result refused = run("key", "enrol", "--hub", hub.url(), "--key", pki.administratorStore.toString(),
                "--agency", "KZ-KNB", "--certificate-from", pki.agencyStore.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is for KZ-MVD, not KZ-KNB");
        assertThat(hub.requests).isEmpty();
    }

    @Test
    void revokesAKeyFromATimeOfCompromise() throws IOException {
        String keyId = KeyIds.of(pki.agency.certificate().getPublicKey());

        Terminal.Result revoked = run("key", "revoke", "--hub", hub.url(), "--key", pki.administratorStore.toString(),
                "--agency", "KZ-MVD", "--key-id", keyId, "--reason", "Laptop stolen",
                "--effective-at", "2026-11-20T08:00:00Z");

        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(submitted("/api/v1/agencies/KZ-MVD/keys/" + keyId + "/revocation", pki.administrator).body())
                .isEqualTo(Map.of("agency", "KZ-MVD", "keyId", keyId, "reason", "Laptop stolen",
                        "effectiveAt", "2026-11-20T08:00:00Z"));
    }

    @Test
    void raisesAnAlertToNamedMembersSignedByTheAgency() throws IOException {
        Terminal.Result raised = run("alert", "raise", "--hub", hub.url(), "--key", pki.agencyStore.toString(),
                "--to", "KG,TJ", "--precedence", "flash", "--category", "MISSING_OR_AT_RISK_CHILD",
                "--title", "Missing child", "--text", "Last seen at the border");

        assertThat(raised.exitCode()).as(raised.toString()).isZero();
        Submitted submitted = submitted("/api/v1/alerts", pki.agency);
        assertThat(submitted.payload.get("agency").textValue()).isEqualTo("KZ-MVD");
        assertThat(submitted.payload.get("body")).isEqualTo(Json.MAPPER.readTree("{\"addressees\":[\"KG\",\"TJ\"],"
                + "\"precedence\":\"FLASH\",\"category\":\"MISSING_OR_AT_RISK_CHILD\",\"title\":\"Missing child\","
                + "\"text\":\"Last seen at the border\"}"));
    }

    @Test
    void anAlertIsForAllMembersOrForNamedOnesNotBoth() {
        Terminal.Result refused = run("alert", "raise", "--hub", hub.url(), "--key", pki.agencyStore.toString(),
                "--all", "--to", "KG", "--precedence", "ROUTINE", "--category", "OTHER", "--title", "x");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("either --all, or --to");
        assertThat(hub.requests).isEmpty();
    }

    @Test
    void raisesAnAlertToAGroupAndANamedMember() throws IOException {
        Terminal.Result raised = run("alert", "raise", "--hub", hub.url(), "--key", pki.agencyStore.toString(),
                "--group", "CENTRAL-ASIA", "--to", "UNOCT", "--precedence", "PRIORITY", "--category", "OTHER",
                "--title", "To a group");

        assertThat(raised.exitCode()).as(raised.toString()).isZero();
        assertThat(submitted("/api/v1/alerts", pki.agency).body()).containsEntry("groups", List.of("CENTRAL-ASIA"))
                .containsEntry("addressees", List.of("UNOCT"));
    }

    @Test
    void signsWithAP256KeyAsEs256() throws IOException {
        Instant now = Instant.now();
        IssuedKey p256 = NetworkPki.signingKey(pki.ca, "KZ-KNB", KeyKind.P256, now.minusSeconds(60),
                now.plus(Duration.ofDays(1)));
        Path store = directory.resolve("KZ-KNB.p12");
        KeyStores.save(store, TestPki.PASSWORD.toCharArray(), Map.of("signing", p256), false,
                       KeyStores.DEMO_ITERATIONS);

        Terminal.Result raised = run("alert", "raise", "--hub", hub.url(), "--key", store.toString(), "--all",
                "--precedence", "ROUTINE", "--category", "OTHER", "--title", "P-256");

        assertThat(raised.exitCode()).as(raised.toString()).isZero();
        SignedEnvelope envelope = SignedEnvelope.parse(hub.submissions().get(0).body());
        assertThat(envelope.algorithm().jwsName()).isEqualTo("ES256");
        assertThat(envelope.verify(p256.certificate().getPublicKey())).isTrue();
    }

    private record Submitted(JsonNode payload) {

        Map<String, Object> body() {
            return Json.MAPPER.convertValue(payload.get("body"), new TypeReference<Map<String, Object>>() { });
        }
    }

    private Submitted submitted(String path, IssuedKey signer) throws IOException {
        assertThat(hub.submissions()).hasSize(1);
        return submitted(0, path, signer);
    }

    private Submitted submitted(int index, String path, IssuedKey signer) throws IOException {
        FakeHub.Request request = hub.submissions().get(index);
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.contentType()).isEqualTo("application/jose");
        SignedEnvelope envelope = SignedEnvelope.parse(request.body());
        assertThat(envelope.verify(signer.certificate().getPublicKey())).as("signed by " + signer.certificate()
                .getSubjectX500Principal()).isTrue();
        return new Submitted(Json.MAPPER.readTree(envelope.payload()));
    }

    private static Terminal.Result run(String... args) {
        return Terminal.withPassword(TestPki.PASSWORD).run(args);
    }

    private static String base64(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(certificate));
    }

    private static String[] concat(String[] first, String[] second, String... rest) {
        String[] all = new String[first.length + second.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        System.arraycopy(rest, 0, all, first.length + second.length, rest.length);
        return all;
    }
}
