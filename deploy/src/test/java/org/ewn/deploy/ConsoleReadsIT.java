package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.SubmissionSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console reads besides the inbox: each history step's signature checked again as of its signing time, and
 * the inbox in figures. Shares its application with {@link NetworkIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class ConsoleReadsIT {

    @LocalServerPort
    int port;

    private NetworkClient api;
    private SubmissionSigner administrator;
    private IssuedKey root;
    private final Instant from = Instant.now().minus(Duration.ofDays(1));
    private final Instant to = Instant.now().plus(Duration.ofDays(30));

    @BeforeEach
    void setUp() {
        api = new NetworkClient(port, NetworkIT.DATA);
        root = api.root();
        administrator = api.administrator();
    }

    @Test
    void aStepSignedWithAKeyRevokedLaterStillVerifiesButNotOneRevokedFromBeforeItsSigning() {
        String member = "X" + letters(6);
        IssuedKey ca = NetworkPki.memberCa(root, member, "Signing state", from, to);
        accepted(api.submit("/api/v1/members", administrator.sign("member.admit", Map.of("member", member,
                "name", "Signing state", "kind", "STATE", "caCertificate", der(ca)))));
        IssuedKey careful = agency(ca, member + "-OPS");
        IssuedKey leaked = agency(ca, member + "-LEAK");

        String kept = raise(new SubmissionSigner(careful, "EWN"), "Signed with a key revoked later");
        accepted(api.submit("/api/v1/alerts/" + kept + "/acknowledgements",
                api.signer("KZ-DEMO").sign("alert.acknowledge", Map.of("alertId", kept))));
        String compromised = raise(new SubmissionSigner(leaked, "EWN"), "Signed with a key that leaked");
        JsonNode before = awaitDetail(compromised, detail -> true).get("history").get(0).get("signature");
        assertThat(before.get("status").asText()).isEqualTo("VERIFIED");
        Instant signedAt = Instant.parse(before.get("signedAt").asText());

        revoke(member + "-OPS", careful, null);
        revoke(member + "-LEAK", leaked, signedAt);
        await("/api/v1/agencies/" + member + "-OPS", json -> json.toString().contains("REVOKED"));
        await("/api/v1/agencies/" + member + "-LEAK", json -> json.toString().contains("REVOKED"));

        JsonNode history = awaitDetail(kept, detail -> detail.get("history").size() == 2).get("history");
        JsonNode raised = history.get(0).get("signature");
        assertThat(history.get(0).get("kind").asText()).isEqualTo("RAISED");
        assertThat(raised.get("status").asText()).as("revoked after it signed").isEqualTo("VERIFIED");
        assertThat(raised.get("agency").asText()).isEqualTo(member + "-OPS");
        assertThat(raised.get("keyId").asText()).isEqualTo(KeyIds.of(careful.certificate().getPublicKey()));
        assertThat(raised.get("algorithm").asText()).isEqualTo("EdDSA");
        assertThat(raised.get("certificateSubject").asText())
                .isEqualTo(careful.certificate().getSubjectX500Principal().getName());
        assertThat(raised.get("certificateIssuer").asText())
                .isEqualTo(ca.certificate().getSubjectX500Principal().getName());
        assertThat(raised.get("certificateSerial").asText())
                .isEqualTo(careful.certificate().getSerialNumber().toString(16));
        assertThat(raised.has("signedAt")).isTrue();
        assertThat(raised.has("reason")).isFalse();
        JsonNode acknowledged = history.get(1).get("signature");
        assertThat(history.get(1).get("kind").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(acknowledged.get("agency").asText()).isEqualTo("KZ-DEMO");

        JsonNode after = awaitDetail(compromised, detail -> true).get("history").get(0).get("signature");
        assertThat(after.get("status").asText()).as("revoked from the moment it signed").isEqualTo("FAILED");
        assertThat(after.get("reason").asText()).contains("revoked");
        assertThat(after.get("agency").asText()).isEqualTo(member + "-LEAK");
    }

    @Test
    void statisticsCountTheMembersAlertsOfTodayAndItsAcknowledgementTimes() {
        JsonNode before = statistics("tm-officer");
        String acknowledgedOne = raise("KG-DEMO", List.of("TM"), "ROUTINE", "CYBER_INCIDENT");
        String openOne = raise("KG-DEMO", List.of("TM"), "ROUTINE", "CYBER_INCIDENT");
        raise("KG-DEMO", List.of("TM"), "PRIORITY", "WANTED_PERSON");
        accepted(api.submit("/api/v1/alerts/" + acknowledgedOne + "/acknowledgements",
                api.signer("TM-DEMO").sign("alert.acknowledge", Map.of("alertId", acknowledgedOne))));
        awaitDetail("tm-officer", acknowledgedOne, detail -> detail.get("history").size() == 2);
        awaitDetail("tm-officer", openOne, detail -> true);

        JsonNode after = awaitStatistics("tm-officer",
                json -> today(json).path("byPrecedence").path("PRIORITY").asLong()
                        == today(before).path("byPrecedence").path("PRIORITY").asLong() + 1);
        assertThat(after.get("byDay")).hasSize(14);
        assertThat(LocalDate.parse(today(after).get("day").asText())).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(count(after, "byPrecedence", "ROUTINE") - count(before, "byPrecedence", "ROUTINE")).isEqualTo(2);
        assertThat(count(after, "byCategory", "CYBER_INCIDENT") - count(before, "byCategory", "CYBER_INCIDENT"))
                .isEqualTo(2);
        assertThat(count(after, "byCategory", "WANTED_PERSON") - count(before, "byCategory", "WANTED_PERSON"))
                .isEqualTo(1);
        JsonNode routine = after.get("acknowledgement").get("ROUTINE");
        assertThat(routine.get("count").asLong() - before.get("acknowledgement").get("ROUTINE").get("count").asLong())
                .isEqualTo(1);
        assertThat(routine.get("medianSeconds").asLong()).isBetween(0L, 600L);
        assertThat(after.get("unacknowledged").asLong() - before.get("unacknowledged").asLong()).isEqualTo(2);
        // the inbox agrees: what awaits the member's acknowledgement, neither withdrawn nor expired
        NetworkClient.Reply open = api.get("/api/v1/inbox?state=UNACKNOWLEDGED&size=200", "tm-officer");
        long notWithdrawnOrExpired = 0;
        for (JsonNode alert : open.json().get("alerts")) {
            JsonNode validUntil = alert.path("details").path("validUntil");
            boolean expired = validUntil.isTextual() && Instant.parse(validUntil.asText()).isBefore(Instant.now());
            if (!alert.hasNonNull("withdrawal") && !expired) {
                notWithdrawnOrExpired++;
            }
        }
        assertThat(open.json().get("total").asLong()).isLessThan(200);
        assertThat(after.get("unacknowledged").asLong()).isEqualTo(notWithdrawnOrExpired);
        NetworkClient.Reply tooLong = api.get("/api/v1/inbox/statistics?days=91", "tm-officer");
        assertThat(tooLong.status()).isEqualTo(400);
    }

    @Test
    void eachDemoAgencysSigningKeyLiesReadyForTheConsoleAndSignsAsTheAgency() throws Exception {
        java.nio.file.Path pem = NetworkIT.DATA.resolve("demo-pki/UZ-DEMO-signing-key.pem");
        String text = java.nio.file.Files.readString(pem);
        assertThat(text).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(java.nio.file.Files.getPosixFilePermissions(pem))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        IssuedKey enrolled = api.key("UZ-DEMO", "signing");
        SubmissionSigner fromPem = new SubmissionSigner(new IssuedKey(org.ewn.trust.Pem.readPrivateKey(text),
                enrolled.certificate(), enrolled.chain()), "EWN");
        String alertId = raise(fromPem, "Signed with the key from the PEM file");
        JsonNode signature = awaitDetail(alertId, detail -> true).get("history").get(0).get("signature");
        assertThat(signature.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(signature.get("agency").asText()).isEqualTo("UZ-DEMO");
    }

    private IssuedKey agency(IssuedKey ca, String code) {
        accepted(api.submit("/api/v1/agencies", administrator.sign("agency.register", Map.of("agency", code,
                "name", code, "administrator", false))));
        IssuedKey key = NetworkPki.signingKey(ca, code, KeyKind.ED25519, from, to);
        accepted(api.submit("/api/v1/agencies/" + code + "/keys", administrator.sign("key.enrol", Map.of(
                "agency", code, "certificate", der(key)))));
        return key;
    }

    private void revoke(String agency, IssuedKey key, Instant effectiveAt) {
        String keyId = KeyIds.of(key.certificate().getPublicKey());
        Map<String, Object> body = new LinkedHashMap<>(Map.of("agency", agency, "keyId", keyId, "reason", "test"));
        if (effectiveAt != null) {
            body.put("effectiveAt", effectiveAt.toString());
        }
        accepted(api.submit("/api/v1/agencies/" + agency + "/keys/" + keyId + "/revocation",
                administrator.sign("key.revoke", body)));
    }

    private String raise(SubmissionSigner signer, String title) {
        NetworkClient.Reply reply = api.submit("/api/v1/alerts", signer.sign("alert.raise",
                NetworkClient.alert(List.of("KZ"), title)));
        accepted(reply);
        return reply.json().get("alertId").asText();
    }

    private String raise(String agency, List<String> addressees, String precedence, String category) {
        Map<String, Object> body = NetworkClient.alert(addressees, "Counted");
        body.put("precedence", precedence);
        body.put("category", category);
        NetworkClient.Reply reply = api.raise(agency, java.util.UUID.randomUUID(), body);
        accepted(reply);
        return reply.json().get("alertId").asText();
    }

    private JsonNode statistics(String username) {
        NetworkClient.Reply reply = api.get("/api/v1/inbox/statistics", username);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode awaitStatistics(String username, Predicate<JsonNode> ready) {
        return awaitReply(() -> api.get("/api/v1/inbox/statistics", username), ready, "statistics");
    }

    private static JsonNode today(JsonNode statistics) {
        JsonNode days = statistics.get("byDay");
        return days.get(days.size() - 1);
    }

    private static long count(JsonNode statistics, String by, String key) {
        return today(statistics).path(by).path(key).asLong();
    }

    private JsonNode awaitDetail(String alertId, Predicate<JsonNode> ready) {
        return awaitDetail("kz-officer", alertId, ready);
    }

    private JsonNode awaitDetail(String username, String alertId, Predicate<JsonNode> ready) {
        return awaitReply(() -> api.get("/api/v1/inbox/alerts/" + alertId, username), ready, alertId);
    }

    private void await(String path, Predicate<JsonNode> ready) {
        awaitReply(() -> api.get(path, "kz-officer"), ready, path);
    }

    /** The read models follow the log asynchronously. */
    private static JsonNode awaitReply(java.util.function.Supplier<NetworkClient.Reply> call,
                                       Predicate<JsonNode> ready, String what) {
        for (int attempt = 0; attempt < 200; attempt++) {
            NetworkClient.Reply reply = call.get();
            if (reply.status() == 200 && ready.test(reply.json())) {
                return reply.json();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(what + " never showed what was expected");
    }

    private static void accepted(NetworkClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    }

    private static String letters(int count) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < count; i++) {
            code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return code.toString();
    }

    private static String der(IssuedKey key) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(key.certificate()));
    }
}
