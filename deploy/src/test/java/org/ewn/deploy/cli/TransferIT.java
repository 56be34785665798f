package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.seal.SealRecipient;
import org.ewn.seal.SealedContent;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyStores;
import org.ewn.trust.SubmissionSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KZ-DEMO asks KG-DEMO to take over a case, with a summary the CLI seals for the two agencies alone; KG accepts, the
 * handover saga moves responsibility to KG, and KZ keeps the transfer read-only. TJ sees nothing of it. The other
 * way, KG asks KZ for a case and KZ grants it. A summary sealed for a third party is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + AuditCliIT.DEMO_PASSWORD})
class TransferIT {

    private static final Path PKI = Path.of("target/it-data/network").resolve("demo-pki");
    private static final String SUMMARY = "Returnee family, mother and two children; transfer-it-marker-8812";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private Terminal terminal;
    private String hub;
    private Path root;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() throws Exception {
        hub = "http://127.0.0.1:" + port;
        terminal = Terminal.withPassword(AuditCliIT.DEMO_PASSWORD).variable("EWN_PASSWORD", AuditCliIT.DEMO_PASSWORD);
        root = dir.resolve("root.crt");
        Files.writeString(root, get("/api/v1/trust/root-certificate", null).body());
    }

    @Test
    void aRequestedTransferAcceptedMovesResponsibilityAndLeavesTheSenderReadOnly() throws Exception {
        Path request = dir.resolve("request.json");
        Files.writeString(request, Json.MAPPER.writeValueAsString(Map.of("receiver", "KG-DEMO", "summary", SUMMARY)));
        Path person = dir.resolve("person.json");
        Files.writeString(person, "{\"name\": \"Transfer It Person\", \"dateOfBirth\": \"1990-02\", \"sex\": \"F\"}");
        Terminal.Result requested = terminal.run("transfer", "request", request.toString(), "--hub", hub,
                "--root-certificate", root.toString(), "--key", key("KZ"), "--user", "kz-officer",
                "--subject", person.toString());
        assertThat(requested.exitCode()).as(requested.toString()).isZero();
        assertThat(requested.out()).contains("receipt verified");
        JsonNode answer = Json.MAPPER.readTree(requested.out().lines().findFirst().orElseThrow());
        String transferId = answer.get("transferId").asText();
        assertThat(answer.get("status").asText()).isEqualTo("REQUESTED");

        JsonNode atKg = await(transferId, "kg-officer", "REQUESTED");
        assertThat(atKg.get("role").asText()).isEqualTo("RECEIVER");
        assertThat(atKg.get("responsible").asText()).isEqualTo("KZ-DEMO");
        assertThat(atKg.get("subjects").get(0).get("personalData").get("name").asText())
                .isEqualTo("Transfer It Person");
        assertThat(SealedContent.of(atKg.get("sealedSummary")).recipientKeyIds())
                .containsExactlyInAnyOrder(encryptionKid("KZ-DEMO"), encryptionKid("KG-DEMO"));
        assertThat(atKg.toString()).doesNotContain("transfer-it-marker");
        assertThat(get("/api/v1/transfers/" + transferId, "tj-officer").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/transfers", "tj-officer").body()).doesNotContain(transferId);
        assertThat(get("/api/v1/transfers?status=REQUESTED", "kg-officer").body()).contains(transferId);

        Terminal.Result byTj = terminal.run("transfer", "accept", "--transfer", transferId, "--hub", hub,
                "--key", key("TJ"));
        assertThat(byTj.exitCode()).isNotZero();
        assertThat(byTj.err()).contains("not-found");
        Terminal.Result bySender = terminal.run("transfer", "accept", "--transfer", transferId, "--hub", hub,
                "--key", key("KZ"));
        assertThat(bySender.err()).as(bySender.toString()).contains("not-the-party");

        Terminal.Result accepted = terminal.run("transfer", "accept", "--transfer", transferId, "--hub", hub,
                "--key", key("KG"));
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();

        JsonNode kg = await(transferId, "kg-officer", "HANDED_OVER");
        assertThat(kg.get("responsible").asText()).isEqualTo("KG-DEMO");
        assertThat(kg.get("readOnly").asBoolean()).isFalse();
        List<String> steps = new ArrayList<>();
        kg.get("history").forEach(step -> steps.add(step.get("step").asText()));
        assertThat(steps).containsExactly("REQUESTED", "ACCEPTED", "HANDED_OVER");
        JsonNode kz = await(transferId, "kz-officer", "HANDED_OVER");
        assertThat(kz.get("readOnly").asBoolean()).isTrue();
        assertThat(kz.get("formerHolder").asText()).isEqualTo("KZ-DEMO");
        assertThat(kz.get("role").asText()).isEqualTo("SENDER");

        Terminal.Result late = terminal.run("transfer", "reject", "--transfer", transferId, "--reason", "Too late",
                "--hub", hub, "--key", key("KG"));
        assertThat(late.err()).as(late.toString()).contains("invalid-state");

        Terminal.Result shown = terminal.run("transfer", "show", "--hub", hub, "--transfer", transferId,
                "--user", "kg-officer", "--key", key("KG"));
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("summary: " + SUMMARY);
        Terminal.Result stranger = terminal.run("transfer", "show", "--hub", hub, "--transfer", transferId,
                "--user", "tj-officer");
        assertThat(stranger.exitCode()).isNotZero();
        assertThat(stranger.out()).doesNotContain("KG-DEMO");
    }

    @Test
    void aReceiverAsksForACaseAndTheHolderGrantsIt() throws Exception {
        Path ask = dir.resolve("ask.json");
        Files.writeString(ask, Json.MAPPER.writeValueAsString(Map.of("holder", "KZ-DEMO", "summary", SUMMARY)));
        Terminal.Result asked = terminal.run("transfer", "ask", ask.toString(), "--hub", hub, "--key", key("KG"),
                "--user", "kg-officer", "--root-certificate", root.toString());
        assertThat(asked.exitCode()).as(asked.toString()).isZero();
        String transferId = Json.MAPPER.readTree(asked.out().lines().findFirst().orElseThrow())
                .get("transferId").asText();
        assertThat(await(transferId, "kz-officer", "ASKED").get("origin").asText()).isEqualTo("ASK");

        Terminal.Result acceptedInstead = terminal.run("transfer", "accept", "--transfer", transferId, "--hub", hub,
                "--key", key("KZ"));
        assertThat(acceptedInstead.err()).as(acceptedInstead.toString()).contains("invalid-state");

        Terminal.Result granted = terminal.run("transfer", "grant", "--transfer", transferId, "--hub", hub,
                "--key", key("KZ"));
        assertThat(granted.exitCode()).as(granted.toString()).isZero();
        JsonNode kg = await(transferId, "kg-officer", "HANDED_OVER");
        assertThat(kg.get("responsible").asText()).isEqualTo("KG-DEMO");
        assertThat(await(transferId, "kz-officer", "HANDED_OVER").get("readOnly").asBoolean()).isTrue();
    }

    @Test
    void aRefusalCarriesItsReasonAndIsFinal() throws Exception {
        HttpResponse<String> asked = open("transfer.ask", "holder", "KZ-DEMO", key("KG"),
                sealed("KZ-DEMO", "KG-DEMO"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        String transferId = Json.MAPPER.readTree(asked.body()).get("transferId").asText();
        Terminal.Result refused = terminal.run("transfer", "refuse", "--transfer", transferId, "--reason",
                "Investigation still open", "--hub", hub, "--key", key("KZ"));
        assertThat(refused.exitCode()).as(refused.toString()).isZero();
        JsonNode kg = await(transferId, "kg-officer", "REFUSED");
        assertThat(kg.get("responsible").asText()).isEqualTo("KZ-DEMO");
        assertThat(kg.get("history").get(1).get("reason").asText()).isEqualTo("Investigation still open");
        Terminal.Result grantedLater = terminal.run("transfer", "grant", "--transfer", transferId, "--hub", hub,
                "--key", key("KZ"));
        assertThat(grantedLater.err()).contains("invalid-state");
    }

    @Test
    void aSummarySealedForAThirdPartyOrNotForBothIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> third = open("transfer.request", "receiver", "KG-DEMO", key("KZ"),
                sealed("KZ-DEMO", "KG-DEMO", "TJ-DEMO"));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(422);
        assertThat(third.body()).contains("sealed-for-others").contains("TJ-DEMO");

        HttpResponse<String> notForKg = open("transfer.request", "receiver", "KG-DEMO", key("KZ"), sealed("KZ-DEMO"));
        assertThat(notForKg.statusCode()).as(notForKg.body()).isEqualTo(422);
        assertThat(notForKg.body()).contains("KG-DEMO");

        HttpResponse<String> sameMember = open("transfer.request", "receiver", "KZ-DEMO", key("KZ"),
                sealed("KZ-DEMO"));
        assertThat(sameMember.statusCode()).as(sameMember.body()).isEqualTo(400);
        HttpResponse<String> unknown = open("transfer.request", "receiver", "KG-NOSUCH", key("KZ"),
                sealed("KZ-DEMO", "KG-DEMO"));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
    }

    @Test
    void theSameRequestTwiceIsOneTransferWithTheSameReceipt() throws Exception {
        String envelope = sign("transfer.request", body("receiver", "KG-DEMO", sealed("KZ-DEMO", "KG-DEMO")),
                key("KZ"));
        HttpResponse<String> first = post("/api/v1/transfers", envelope);
        HttpResponse<String> again = post("/api/v1/transfers", envelope);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(again.body()).get("receipt"))
                .isEqualTo(Json.MAPPER.readTree(first.body()).get("receipt"));
    }

    private HttpResponse<String> open(String type, String field, String party, String keyStore, JsonNode sealed)
            throws Exception {
        String path = type.equals("transfer.ask") ? "/api/v1/transfers/requests" : "/api/v1/transfers";
        return post(path, sign(type, body(field, party, sealed), keyStore));
    }

    private static Map<String, Object> body(String field, String party, JsonNode sealed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(field, party);
        body.put("sealedSummary", Json.MAPPER.convertValue(sealed, Map.class));
        return body;
    }

    private static String sign(String type, Map<String, Object> body, String keyStore) throws Exception {
        IssuedKey signing = KeyStores.load(Path.of(keyStore), AuditCliIT.DEMO_PASSWORD.toCharArray()).get("signing");
        return new SubmissionSigner(signing, "EWN").sign(type, UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), body);
    }

    private HttpResponse<String> post(String path, String envelope) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub + path)).header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode sealed(String... agencies) throws Exception {
        List<SealRecipient> recipients = new ArrayList<>();
        for (String agency : agencies) {
            recipients.add(SealRecipient.of(KeyStores.load(PKI.resolve(agency + ".p12"),
                    AuditCliIT.DEMO_PASSWORD.toCharArray()).get("encryption").certificate()));
        }
        return SealedContent.seal(SUMMARY.getBytes(StandardCharsets.UTF_8), recipients).toJsonNode();
    }

    private static String key(String member) {
        return PKI.resolve(member + "-DEMO.p12").toString();
    }

    private static String encryptionKid(String agency) throws Exception {
        return KeyIds.of(KeyStores.load(PKI.resolve(agency + ".p12"), AuditCliIT.DEMO_PASSWORD.toCharArray())
                .get("encryption").certificate().getPublicKey());
    }

    private JsonNode await(String transferId, String user, String status) throws Exception {
        String last = null;
        for (int attempt = 0; attempt < 150; attempt++) {
            HttpResponse<String> detail = get("/api/v1/transfers/" + transferId, user);
            last = detail.statusCode() + " " + detail.body();
            if (detail.statusCode() == 200) {
                JsonNode json = Json.MAPPER.readTree(detail.body());
                if (status.equals(json.get("status").asText())) {
                    return json;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("transfer " + transferId + " never reached " + status + " for " + user + ": " + last);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + AuditCliIT.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
