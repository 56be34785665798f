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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TLP:RED alert is sealed by default by {@code ewn alert raise}: for the encryption keys of the addressee's and the
 * sender's own agencies, checked against the network's root. The addressee opens it with {@code ewn alert open}; a
 * member not addressed never gets it, the hub stores only ciphertext, and the hub refuses text sealed for others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + AuditCliIT.DEMO_PASSWORD})
class SealedAlertIT {

    private static final Path DATA = Path.of("target/it-data/network");
    private static final Path PKI = DATA.resolve("demo-pki");
    private static final String TEXT = "Convoy leaves the camp at dawn; sealed-it-marker-5521";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private Terminal terminal;
    private String hub;
    private Path root;
    private final HttpClient http = HttpClient.newHttpClient();
    private DemoReader reader;

    @BeforeEach
    void setUp() throws Exception {
        hub = "http://127.0.0.1:" + port;
        reader = new DemoReader(hub);
        terminal = Terminal.withPassword(AuditCliIT.DEMO_PASSWORD)
                           .variable(AuditOptions.DEFAULT_PASSWORD_VARIABLE, AuditCliIT.DEMO_PASSWORD);
        root = dir.resolve("root.crt");
        Files.writeString(root, reader.get("/api/v1/trust/root-certificate", null).body());
    }

    @Test
    void aRedAlertIsSealedForItsAddresseesWhoAloneOpenIt() throws Exception {
        Terminal.Result raised = terminal.run("alert", "raise", "--hub", hub, "--root-certificate", root.toString(),
                "--key", PKI.resolve("KZ-DEMO.p12").toString(), "--to", "UZ", "--precedence", "IMMEDIATE",
                "--category", "TERRORIST_THREAT", "--marking", "RED", "--title", "Sealed warning", "--text", TEXT,
                "--user", "kz-officer");
        assertThat(raised.exitCode()).as(raised.toString()).isZero();
        assertThat(raised.err()).doesNotContain("unchecked");
        String alertId = Json.MAPPER.readTree(raised.out().lines().findFirst().orElseThrow()).get("alertId").asText();

        JsonNode detail = reader.awaitDetail(alertId, "uz-officer");
        assertThat(detail.get("sealed").asBoolean()).isTrue();
        assertThat(detail.get("text").isNull()).isTrue();
        assertThat(detail.toString()).doesNotContain("sealed-it-marker");
        assertThat(detail.get("sealedText").has("protected")).as(detail.get("sealedText").toString()).isTrue();
        List<String> recipients = SealedContent.of(detail.get("sealedText")).recipientKeyIds();
        assertThat(recipients).containsExactlyInAnyOrder(encryptionKid("KZ-DEMO"), encryptionKid("UZ-DEMO"));
        assertThat(PersonalDataIT.filesContaining(DATA, "sealed-it-marker".getBytes(StandardCharsets.UTF_8)))
                .as("the hub never had the text").isEmpty();

        Terminal.Result opened = terminal.run("alert", "open", "--hub", hub, "--user", "uz-officer", "--alert",
                alertId, "--key", PKI.resolve("UZ-DEMO.p12").toString());
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.out().strip()).isEqualTo(TEXT);
        Terminal.Result ownMember = terminal.run("alert", "open", "--hub", hub, "--user", "kz-officer", "--alert",
                alertId, "--key", PKI.resolve("KZ-DEMO.p12").toString());
        assertThat(ownMember.out().strip()).as(ownMember.toString()).isEqualTo(TEXT);

        // its follow-ups are sealed too: in the clear they are refused
        HttpResponse<String> clear = followUp(alertId, Map.of("alertId", alertId, "text", "In the clear"));
        assertThat(clear.statusCode()).as(clear.body()).isEqualTo(422);
        assertThat(clear.body()).contains("sealed-for-others");
        SealedContent update = SealedContent.seal("Convoy delayed; sealed-it-marker-update".getBytes(
                StandardCharsets.UTF_8), List.of(recipient("UZ-DEMO"), recipient("KZ-DEMO")));
        HttpResponse<String> sealedUpdate = followUp(alertId, Map.of("alertId", alertId, "sealed",
                Json.MAPPER.convertValue(update.toJsonNode(), Map.class)));
        assertThat(sealedUpdate.statusCode()).as(sealedUpdate.body()).isEqualTo(201);
        Terminal.Result latest = terminal.run("alert", "open", "--hub", hub, "--user", "uz-officer", "--alert",
                alertId, "--key", PKI.resolve("UZ-DEMO.p12").toString());
        assertThat(latest.out().strip()).as(latest.toString()).isEqualTo("Convoy delayed; sealed-it-marker-update");

        assertThat(reader.get("/api/v1/inbox/alerts/" + alertId, "tj-officer").statusCode()).isEqualTo(404);
        Terminal.Result stranger = terminal.run("alert", "open", "--hub", hub, "--user", "tj-officer", "--alert",
                alertId, "--key", PKI.resolve("TJ-DEMO.p12").toString());
        assertThat(stranger.exitCode()).isNotZero();
        assertThat(stranger.out()).doesNotContain("sealed-it-marker");
    }

    @Test
    void theHubRefusesTextSealedForOthersOrNotForEveryAddressee() throws Exception {
        SealedContent forAStranger = SealedContent.seal(TEXT.getBytes(StandardCharsets.UTF_8),
                List.of(recipient("UZ-DEMO"), recipient("TJ-DEMO")));
        HttpResponse<String> others = raise(List.of("UZ"), forAStranger.toJsonNode(), null);
        assertThat(others.statusCode()).as(others.body()).isEqualTo(422);
        assertThat(others.body()).contains("sealed-for-others").contains("TJ-DEMO");

        SealedContent notForKg = SealedContent.seal(TEXT.getBytes(StandardCharsets.UTF_8), List.of(recipient("UZ-DEMO")));
        HttpResponse<String> missing = raise(List.of("UZ", "KG"), notForKg.toJsonNode(), null);
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(422);
        assertThat(missing.body()).contains("KG");

        HttpResponse<String> both = raise(List.of("UZ"), notForKg.toJsonNode(), "also in the clear");
        assertThat(both.statusCode()).as(both.body()).isEqualTo(400);

        HttpResponse<String> accepted = raise(List.of("UZ"), notForKg.toJsonNode(), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    private HttpResponse<String> followUp(String alertId, Map<String, Object> body) throws Exception {
        IssuedKey kz = KeyStores.load(PKI.resolve("KZ-DEMO.p12"), AuditCliIT.DEMO_PASSWORD.toCharArray()).get("signing");
        String signed = new SubmissionSigner(kz, "EWN").sign("alert.follow-up", UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), body);
        return http.send(HttpRequest.newBuilder(URI.create(hub + "/api/v1/alerts/" + alertId + "/follow-ups"))
                .header("Content-Type", "application/jose").POST(HttpRequest.BodyPublishers.ofString(signed)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> raise(List<String> to, JsonNode sealed, String text) throws Exception {
        IssuedKey kz = KeyStores.load(PKI.resolve("KZ-DEMO.p12"), AuditCliIT.DEMO_PASSWORD.toCharArray()).get("signing");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("addressees", to);
        body.put("precedence", "ROUTINE");
        body.put("category", "OTHER");
        body.put("title", "Sealed by hand");
        body.put("marking", "RED");
        body.put("sealed", Json.MAPPER.convertValue(sealed, Map.class));
        if (text != null) {
            body.put("text", text);
        }
        String signed = new SubmissionSigner(kz, "EWN").sign("alert.raise", UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), body);
        return http.send(HttpRequest.newBuilder(URI.create(hub + "/api/v1/alerts"))
                .header("Content-Type", "application/jose").POST(HttpRequest.BodyPublishers.ofString(signed)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static SealRecipient recipient(String agency) throws Exception {
        return SealRecipient.of(KeyStores.load(PKI.resolve(agency + ".p12"), AuditCliIT.DEMO_PASSWORD.toCharArray())
                .get("encryption").certificate());
    }

    private static String encryptionKid(String agency) throws Exception {
        return KeyIds.of(KeyStores.load(PKI.resolve(agency + ".p12"), AuditCliIT.DEMO_PASSWORD.toCharArray())
                .get("encryption").certificate().getPublicKey());
    }

}
