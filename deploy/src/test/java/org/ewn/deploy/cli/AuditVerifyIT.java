package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.store.LogEntry;
import org.ewn.verify.LogVerifier;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ewn audit export} and {@code ewn audit verify} against the running network (the application context the
 * other ITs share): the export verifies clean, and each way of tampering with it (a changed byte, a deleted event,
 * two events swapped, a forged signature with the chain recomputed around it) is named at its global index. The
 * store itself is left alone, since the other ITs share its chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + AuditCliIT.DEMO_PASSWORD})
class AuditVerifyIT {

    private static final String AUDITOR = "kz-auditor";
    private static final String ALERT_RAISED = "org.ewn.api.alert.AlertRaised";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private Terminal terminal;
    private String hub;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        hub = "http://127.0.0.1:" + port;
        root = dir.resolve("root.crt");
        Files.writeString(root, http("/api/v1/trust/root-certificate", null).body());
        terminal = Terminal.withPassword(AuditCliIT.DEMO_PASSWORD)
                           .variable(AuditOptions.DEFAULT_PASSWORD_VARIABLE, AuditCliIT.DEMO_PASSWORD);
        Path alert = dir.resolve("alert.json");
        Files.writeString(alert, "{\"addressees\": [\"UZ\"], \"precedence\": \"ROUTINE\", \"category\": \"OTHER\", "
                + "\"title\": \"Audited alert\", \"text\": \"\"}");
        Terminal.Result raised = terminal.run("submit", "--hub", hub, "--key",
                Path.of("target/it-data/network/demo-pki/KZ-DEMO.p12").toString(), "--type", "alert.raise",
                alert.toString());
        assertThat(raised.exitCode()).as(raised.toString()).isZero();
    }

    @Test
    void onlyAuditorsReadTheLogWhichStreamsWithWhereToResume() throws Exception {
        assertThat(http("/api/v1/audit/events?limit=1", "uz-officer").statusCode()).isEqualTo(403);
        assertThat(http("/api/v1/audit/events?limit=1", "kz-agency").statusCode()).isEqualTo(403);

        HttpResponse<String> page = http("/api/v1/audit/events?from=1&limit=2", AUDITOR);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(page.body());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("globalIndex").asLong()).isEqualTo(1);
        assertThat(lines.get(1).get("globalIndex").asLong()).isEqualTo(2);
        assertThat(lines.get(1).get("previousHash").asText()).isEqualTo(lines.get(0).get("hash").asText());
        assertThat(lines.get(2).get("next").asLong()).isEqualTo(3);
        LogEntry entry = entry(lines.get(1));
        assertThat(HexFormat.of().formatHex(entry.computeHash(entry.previousHash())))
                .as("the line carries everything the chain hash is computed from")
                .isEqualTo(lines.get(1).get("hash").asText());

        List<JsonNode> raised = lines(http("/api/v1/audit/events?type=AlertRaised&member=UZ&limit=3", AUDITOR).body());
        assertThat(raised.subList(0, raised.size() - 1)).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("type").asText()).isEqualTo(ALERT_RAISED);
            assertThat(line.get("envelope").asText()).contains(".");
        });
    }

    @Test
    void verifiesTheExportAndNamesEveryTamperingByIndexAndReason() throws Exception {
        Path export = dir.resolve("log.ndjson");
        Terminal.Result exported = terminal.run("audit", "export", "--hub", hub, "--user", AUDITOR,
                "--root-certificate", root.toString(), "--out", export.toString());
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        Terminal.Result again = terminal.run("audit", "export", "--hub", hub, "--user", AUDITOR,
                "--root-certificate", root.toString(), "--out", export.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();

        JsonNode clean = verify(export);
        assertThat(clean.get("failures")).as(clean.toString()).isEmpty();
        assertThat(clean.get("checked").get("signatures").asLong()).isPositive();
        assertThat(clean.get("checked").get("membershipFolded").asLong()).isPositive();
        assertThat(clean.get("checked").get("treeHeads").asLong()).isPositive();

        List<String> lines = Files.readAllLines(export);
        int alert = lastLineOfType(lines, ALERT_RAISED);
        long alertIndex = index(lines.get(alert));

        List<String> changed = new ArrayList<>(lines);
        changed.set(alert, changePayloadByte(lines.get(alert)));
        assertThat(chainAndSignatureFailures(verify(write("changed", changed))))
                .containsExactly(alertIndex + " hash-mismatch");

        List<String> deleted = new ArrayList<>(lines);
        deleted.remove(alert);
        assertThat(chainAndSignatureFailures(verify(write("deleted", deleted))))
                .containsExactly(alertIndex + " gap");

        List<String> swapped = new ArrayList<>(lines);
        swapped.set(alert - 1, lines.get(alert));
        swapped.set(alert, lines.get(alert - 1));
        assertThat(chainAndSignatureFailures(verify(write("swapped", swapped))))
                .containsExactly((alertIndex - 1) + " out-of-order");

        List<String> forged = forgeSignatureAndRechain(lines, alert);
        JsonNode forgedReport = verify(write("forged", forged));
        assertThat(chainAndSignatureFailures(forgedReport)).containsExactly(alertIndex + " bad-signature");
        assertThat(forgedReport.get("failures").toString()).as("the rewritten chain no longer has the signed root")
                                                            .contains("tree-head-mismatch");
    }

    @Test
    void verifiesStraightFromTheHub() {
        Terminal.Result result = terminal.run("audit", "verify", "--hub", hub, "--user", AUDITOR,
                "--root-certificate", root.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("VERIFIED");
        assertThat(result.err()).contains("events/s");
    }

    private JsonNode verify(Path export) throws Exception {
        Path report = dir.resolve(export.getFileName() + ".report.json");
        Terminal.Result result = terminal.run("audit", "verify", "--export", export.toString(),
                "--root-certificate", root.toString(), "--report-json", report.toString());
        JsonNode json = Json.MAPPER.readTree(Files.readString(report));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(json.get("failures").isEmpty() ? 0 : 1);
        return json;
    }

    private static List<String> chainAndSignatureFailures(JsonNode report) {
        List<String> found = new ArrayList<>();
        for (JsonNode failure : report.get("failures")) {
            if (!failure.get("reason").asText().startsWith("tree-head")) {
                found.add(failure.get("globalIndex").asLong() + " " + failure.get("reason").asText());
            }
        }
        return found;
    }

    private static String changePayloadByte(String line) throws Exception {
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree(line);
        byte[] payload = Base64.getDecoder().decode(node.get("payload").asText());
        int at = new String(payload, StandardCharsets.UTF_8).indexOf("\"title\":\"") + "\"title\":\"".length();
        payload[at] = (byte) (payload[at] == 'X' ? 'Y' : 'X');
        node.put("payload", Base64.getEncoder().encodeToString(payload));
        return Json.MAPPER.writeValueAsString(node);
    }

    /** What a forger who can rewrite the store does: change the signature and recompute every hash from there on. */
    private static List<String> forgeSignatureAndRechain(List<String> lines, int at) throws Exception {
        List<String> forged = new ArrayList<>(lines);
        ObjectNode target = (ObjectNode) Json.MAPPER.readTree(lines.get(at));
        String envelope = target.get("envelope").asText();
        int middle = envelope.lastIndexOf('.') + 20;
        String changed = envelope.substring(0, middle) + (envelope.charAt(middle) == 'A' ? 'B' : 'A')
                         + envelope.substring(middle + 1);
        String payload = new String(Base64.getDecoder().decode(target.get("payload").asText()), StandardCharsets.UTF_8);
        target.put("payload", Base64.getEncoder().encodeToString(payload.replace(envelope, changed)
                                                                        .getBytes(StandardCharsets.UTF_8)));
        target.put("envelope", changed);
        byte[] previous = HexFormat.of().parseHex(target.get("previousHash").asText());
        for (int i = at; i < forged.size(); i++) {
            ObjectNode node = (ObjectNode) (i == at ? target : Json.MAPPER.readTree(forged.get(i)));
            if (!node.has("globalIndex")) {
                continue;
            }
            node.put("previousHash", HexFormat.of().formatHex(previous));
            previous = entry(node).computeHash(previous);
            node.put("hash", HexFormat.of().formatHex(previous));
            forged.set(i, Json.MAPPER.writeValueAsString(node));
        }
        return forged;
    }

    private static LogEntry entry(JsonNode line) {
        return LogVerifier.entry(line);
    }

    private static int lastLineOfType(List<String> lines, String type) throws Exception {
        for (int i = lines.size() - 1; i > 0; i--) {
            JsonNode node = Json.MAPPER.readTree(lines.get(i));
            if (type.equals(node.path("type").asText()) && i + 1 < lines.size()
                && Json.MAPPER.readTree(lines.get(i + 1)).has("globalIndex")) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " in the export");
    }

    private static long index(String line) throws Exception {
        return Json.MAPPER.readTree(line).get("globalIndex").asLong();
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name + ".ndjson");
        Files.write(file, lines);
        return file;
    }

    private static List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(Json.MAPPER.readTree(line));
        }
        return lines;
    }

    private HttpResponse<String> http(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + AuditCliIT.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
