package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.api.alert.AlertRaised;
import org.ewn.store.LogStorageEngine;
import org.ewn.store.LoggedEvent;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.KeyStores;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.Pem;
import org.ewn.trust.SignedEnvelope;
import org.ewn.trust.SubmissionSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hub checks before it accepts a signed submission, over HTTP against the demo network, and the receipt it
 * answers with. Shares its application with {@link NetworkIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class TrustIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    LogStorageEngine log;
    @Autowired
    EventStore events;

    private NetworkClient api;

    @BeforeEach
    void setUp() {
        api = new NetworkClient(port, NetworkIT.DATA);
    }

    @Test
    void theReceiptVerifiesWithTheHubsPublishedCertificateAndTheEventKeepsTheSignedBytes() throws Exception {
        String envelope = api.signer("KZ-DEMO").sign("alert.raise", NetworkClient.alert(List.of("KG"), "Receipt"));
        NetworkClient.Reply reply = api.submit("/api/v1/alerts", envelope);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);

        List<X509Certificate> hub = Pem.readCertificates(api.get("/api/v1/trust/hub-certificate", null).body());
        X509Certificate root = Pem.readCertificates(api.get("/api/v1/trust/root-certificate", null).body()).get(0);
        CertificatePath.check(hub.get(0), List.of(), root, Instant.now(), CertificatePath.Purpose.SIGNING);

        SignedEnvelope receipt = SignedEnvelope.parse(reply.json().get("receipt").asText());
        assertThat(receipt.verify(hub.get(0).getPublicKey())).isTrue();
        assertThat(receipt.type()).contains("ewn-receipt+jws");
        JsonNode content = JSON.readTree(receipt.payload());
        String alertId = reply.json().get("alertId").asText();
        assertThat(content.get("submissionId").asText()).isEqualTo(alertId);
        assertThat(content.get("contentHash").asText())
                .isEqualTo(sha256(SignedEnvelope.parse(envelope).payload()));
        LoggedEvent stored = log.locate(alertId, 0).orElseThrow();
        assertThat(content.get("globalIndex").asLong()).isEqualTo(stored.globalIndex());
        assertThat(content.get("eventHash").asText()).isEqualTo(stored.hashHex());

        AlertRaised raised = (AlertRaised) events.readEvents(alertId).next().getPayload();
        assertThat(raised.submission().envelope()).as("the exact signed bytes are kept").isEqualTo(envelope);
        assertThat(SignedEnvelope.parse(raised.submission().envelope())
                                 .verify(api.key("KZ-DEMO", "signing").certificate().getPublicKey())).isTrue();

        NetworkClient.Reply again = api.submit("/api/v1/alerts", envelope);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("receipt").asText()).as("the same receipt").isEqualTo(receipt.compact());
    }

    @Test
    void everyTamperedCharacterOfAnEnvelopeIsRefusedAndStoresNothing() {
        String envelope = api.signer("KZ-DEMO").sign("alert.raise", NetworkClient.alert(List.of("KG"), "Tampered"));
        Object head = log.createHeadToken();
        Set<String> refusals = Set.of("urn:ewn:problem:malformed-envelope", "urn:ewn:problem:bad-signature",
                                      "urn:ewn:problem:unknown-key");
        for (int i = 0; i < envelope.length(); i++) {
            char original = envelope.charAt(i);
            char replacement = original == 'A' ? 'B' : original == '.' ? 'x' : 'A';
            String tampered = envelope.substring(0, i) + replacement + envelope.substring(i + 1);
            NetworkClient.Reply reply = api.submit("/api/v1/alerts", tampered);
            assertThat(reply.status()).as("position %d: %s", i, reply.body()).isIn(400, 422);
            assertThat(reply.json().get("type").asText()).as("position %d", i).isIn(refusals);
        }
        assertThat(log.createHeadToken()).as("no event stored").isEqualTo(head);
    }

    @Test
    void eachRefusalHasItsOwnProblemType() throws Exception {
        SubmissionSigner kz = api.signer("KZ-DEMO");
        Map<String, Object> alert = NetworkClient.alert(List.of("KG"), "Refused");

        String other = kz.sign("alert.raise", NetworkClient.alert(List.of("KG"), "Other text"));
        String mine = kz.sign("alert.raise", alert);
        String spliced = mine.substring(0, mine.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
        assertRefused(api.submit("/api/v1/alerts", spliced), 422, "bad-signature");

        IssuedKey kzCa = demoKey("KZ-CA", "ca");
        IssuedKey notEnrolled = NetworkPki.signingKey(kzCa, "KZ-DEMO", KeyKind.ED25519,
                                                      Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
        assertRefused(api.submit("/api/v1/alerts", new SubmissionSigner(notEnrolled, "EWN").sign("alert.raise", alert)),
                      422, "unknown-key");

        assertRefused(api.submit("/api/v1/alerts", kz.sign("alert.raise", UUID.randomUUID(),
                      Instant.now().minus(Duration.ofMinutes(10)), alert)), 422, "clock-skew");
        assertRefused(api.submit("/api/v1/alerts", kz.sign("alert.raise", UUID.randomUUID(),
                      Instant.now().plus(Duration.ofMinutes(10)), alert)), 422, "clock-skew");

        IssuedKey kzKey = api.key("KZ-DEMO", "signing");
        assertRefused(api.submit("/api/v1/alerts", signRaw(kzKey, Map.of("type", "alert.raise", "network", "EWN",
                "submissionId", UUID.randomUUID().toString(), "agency", "KG-DEMO",
                "issuedAt", NetworkClient.now().toString(), "body", alert))), 403, "not-entitled");
        assertRefused(api.submit("/api/v1/alerts", signRaw(kzKey, Map.of("type", "alert.raise", "network", "OTHER",
                "submissionId", UUID.randomUUID().toString(), "agency", "KZ-DEMO",
                "issuedAt", NetworkClient.now().toString(), "body", alert))), 403, "not-entitled");

        String notCanonical = "{ \"type\": \"alert.raise\" }";
        assertRefused(api.submit("/api/v1/alerts", SignedEnvelope.sign(notCanonical.getBytes(StandardCharsets.UTF_8),
                KeyIds.of(kzKey.certificate().getPublicKey()), SubmissionSigner.TYPE, kzKey.privateKey())), 400,
                "malformed-envelope");
        assertRefused(api.submit("/api/v1/members", kz.sign("alert.raise", alert)), 400, "malformed-envelope");

        assertRefused(api.submit("/api/v1/members", kz.sign("member.admit", Map.of("member", "XX", "name", "X",
                "kind", "STATE", "caCertificate", "AAAA"))), 403, "not-entitled");
    }

    @Test
    void aCertificateMustBeValidWhenTheSubmissionWasSigned() throws Exception {
        IssuedKey admin = demoKey("EWN-ADMIN", "signing");
        IssuedKey tmCa = demoKey("TM-CA", "ca");
        Instant now = Instant.now();
        IssuedKey fresh = NetworkPki.signingKey(tmCa, "TM-DEMO", KeyKind.P256, now.minus(Duration.ofSeconds(30)),
                                                now.plus(Duration.ofDays(1)));
        enrol(admin, "TM-DEMO", fresh);
        SubmissionSigner signer = new SubmissionSigner(fresh, "EWN");
        assertThat(api.submit("/api/v1/alerts", signer.sign("alert.raise", NetworkClient.alert(List.of("KZ"), "P-256")))
                      .status()).as("ECDSA P-256 keys are accepted").isEqualTo(201);
        assertRefused(api.submit("/api/v1/alerts", signer.sign("alert.raise", UUID.randomUUID(),
                      now.minus(Duration.ofMinutes(2)), NetworkClient.alert(List.of("KZ"), "Before"))), 403,
                      "expired-certificate");
    }

    @Test
    void aRevokedKeyIsRefusedFromItsRevocationOn() throws Exception {
        IssuedKey admin = demoKey("EWN-ADMIN", "signing");
        IssuedKey uzCa = demoKey("UZ-CA", "ca");
        IssuedKey spare = NetworkPki.signingKey(uzCa, "UZ-DEMO", KeyKind.ED25519,
                                                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
        enrol(admin, "UZ-DEMO", spare);
        SubmissionSigner signer = new SubmissionSigner(spare, "EWN");
        String signedBefore = signer.sign("alert.raise", NetworkClient.alert(List.of("KZ"), "Signed before"));
        assertThat(api.submit("/api/v1/alerts", signer.sign("alert.raise", NetworkClient.alert(List.of("KZ"), "Valid")))
                      .status()).isEqualTo(201);

        String keyId = KeyIds.of(spare.certificate().getPublicKey());
        NetworkClient.Reply revoked = api.submit("/api/v1/agencies/UZ-DEMO/keys/" + keyId + "/revocation",
                signer.sign("key.revoke", Map.of("agency", "UZ-DEMO", "keyId", keyId, "reason", "rotated")));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);

        assertRefused(api.submit("/api/v1/alerts", signer.sign("alert.raise", NetworkClient.alert(List.of("KZ"), "After"))),
                      403, "revoked-key");
        assertRefused(api.submit("/api/v1/alerts", signedBefore), 403, "revoked-key");
        assertThat(api.raise("UZ-DEMO", List.of("KZ"), "The agency's other key still works").status()).isEqualTo(201);
    }

    @Test
    void aKeyFromAnotherMembersCaIsNotEnrolled() throws Exception {
        IssuedKey admin = demoKey("EWN-ADMIN", "signing");
        IssuedKey kgCa = demoKey("KG-CA", "ca");
        IssuedKey forged = NetworkPki.issue(kgCa, new org.bouncycastle.asn1.x500.X500Name("O=EWN,OU=KZ,CN=KZ-DEMO"),
                KeyKind.ED25519.generate(), false, null, org.bouncycastle.asn1.x509.KeyUsage.digitalSignature,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)));
        NetworkClient.Reply reply = api.submit("/api/v1/agencies/KZ-DEMO/keys",
                new SubmissionSigner(admin, "EWN").sign("key.enrol", Map.of("agency", "KZ-DEMO",
                        "certificate", der(forged))));
        assertRefused(reply, 403, "wrong-member");
    }

    @Test
    void theNetworkCannotBeFoundedAgainOverTheApi() throws Exception {
        IssuedKey admin = demoKey("EWN-ADMIN", "signing");
        IssuedKey root = demoKey("root", "root");
        NetworkClient.Reply reply = api.submit("/api/v1/network", new SubmissionSigner(admin, "EWN").sign(
                "network.found", Map.of("name", "Again", "rootCertificate", der(root),
                                        "administratorCertificate", der(admin))));
        assertRefused(reply, 403, "not-entitled");
    }

    private void enrol(IssuedKey admin, String agency, IssuedKey key) {
        NetworkClient.Reply reply = api.submit("/api/v1/agencies/" + agency + "/keys",
                new SubmissionSigner(admin, "EWN").sign("key.enrol", Map.of("agency", agency, "certificate", der(key))));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static IssuedKey demoKey(String file, String alias) throws Exception {
        return KeyStores.load(NetworkIT.DATA.resolve("demo-pki").resolve(file + ".p12"),
                              NetworkClient.DEMO_PASSWORD.toCharArray()).get(alias);
    }

    private static String signRaw(IssuedKey key, Map<String, Object> content) throws Exception {
        byte[] payload = CanonicalJson.canonicalize(JSON.writeValueAsBytes(content));
        return SignedEnvelope.sign(payload, KeyIds.of(key.certificate().getPublicKey()), SubmissionSigner.TYPE,
                                   key.privateKey());
    }

    private static String der(IssuedKey key) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(key.certificate()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void assertRefused(NetworkClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:ewn:problem:" + type);
        assertThat(reply.json().get("detail").asText()).isNotBlank();
    }
}
