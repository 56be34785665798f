package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyStores;
import org.ewn.trust.SignedEnvelope;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ewn audit} against the running network (the application context the other ITs share): heads verified to
 * the network root and remembered, growth proven between runs, an alert's receipt proven included, and a hub that
 * signed a history other than the one it now shows caught.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + AuditCliIT.DEMO_PASSWORD})
class AuditCliIT {

    /** The demo password the other ITs give the network (NetworkClient.DEMO_PASSWORD, which is not visible here). */
    static final String DEMO_PASSWORD = "demo-password-for-tests";
    private static final Path DATA = Path.of("target/it-data/network");

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private Terminal terminal;
    private String hub;
    private Path root;
    private Path state;

    @BeforeEach
    void setUp() throws Exception {
        hub = "http://127.0.0.1:" + port;
        root = dir.resolve("root.crt");
        Files.writeString(root, HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(hub + "/api/v1/trust/root-certificate")).build(), HttpResponse.BodyHandlers.ofString()).body());
        state = dir.resolve("heads.json");
        terminal = Terminal.withPassword(DEMO_PASSWORD).variable(AuditOptions.DEFAULT_PASSWORD_VARIABLE, DEMO_PASSWORD);
    }

    @Test
    void remembersHeadsProvesGrowthAndProvesAReceiptsEvent() throws Exception {
        Terminal.Result first = audit("tree-head");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("tree head verified");

        Path receipt = dir.resolve("receipt.jws");
        Path alert = dir.resolve("alert.json");
        Files.writeString(alert, "{\"addressees\": [\"UZ\"], \"precedence\": \"FLASH\", \"category\": \"OTHER\", "
                + "\"title\": \"Audit from the command line\", \"text\": \"\"}");
        Terminal.Result submitted = terminal.run("submit", "--hub", hub, "--key",
                DATA.resolve("demo-pki/KZ-DEMO.p12").toString(), "--type", "alert.raise", "--out-receipt",
                receipt.toString(), alert.toString());
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();

        Terminal.Result second = audit("tree-head");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("consistent with the head of");
        assertThat(Json.MAPPER.readTree(Files.readString(state)).get("heads").size()).isEqualTo(2);

        Terminal.Result proven = audit("prove", "--receipt", receipt.toString());
        assertThat(proven.exitCode()).as(proven.toString()).isZero();
        assertThat(proven.out()).contains("included: the event");

        Terminal.Result wrongHash = audit("prove", "--index", "0", "--event-hash", "00".repeat(32));
        assertThat(wrongHash.exitCode()).as(wrongHash.toString()).isEqualTo(1);
        assertThat(wrongHash.err()).contains("not proven");
    }

    @Test
    void warnsOfAHeadThatTheHubsLogDoesNotExtend() throws Exception {
        assertThat(audit("tree-head").exitCode()).isZero();
        // what a hub that rewrote its history would have shown this client earlier: a head it signed, over other roots
        JsonNode seen = Json.MAPPER.readTree(Files.readString(state));
        ObjectNode last = (ObjectNode) seen.get("heads").get(0);
        long size = last.get("treeSize").asLong() - 1;
        String forged = signedHead(size, "ab".repeat(32));
        last.put("treeSize", size).put("treeHead", forged);
        Files.writeString(state, Json.pretty(seen));

        Terminal.Result result = audit("tree-head");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("WARNING").contains("does not extend");
        assertThat(Files.readString(state)).as("left unchanged").contains(forged);
    }

    private Terminal.Result audit(String command, String... more) {
        String[] args = new String[9 + more.length];
        String[] common = {"audit", command, "--hub", hub, "--user", "uz-officer", "--root-certificate",
                root.toString(), "--state=" + state};
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(more, 0, args, common.length, more.length);
        return terminal.run(args);
    }

    private static String signedHead(long size, String rootHash) throws Exception {
        char[] password = Files.readString(DATA.resolve("hub.p12.password")).strip().toCharArray();
        IssuedKey key = KeyStores.load(DATA.resolve("hub.p12"), password).get("hub");
        String payload = "{\"network\":\"EWN\",\"rootHash\":\"" + rootHash + "\",\"timestamp\":\"" + Instant.now()
                + "\",\"treeSize\":" + size + ",\"type\":\"tree-head\"}";
        return SignedEnvelope.sign(CanonicalJson.canonicalize(payload.getBytes(StandardCharsets.UTF_8)),
                KeyIds.of(key.certificate().getPublicKey()), TreeHeads.HEADER_TYPE, key.privateKey());
    }
}
