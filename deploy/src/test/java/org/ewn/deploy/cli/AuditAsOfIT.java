package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline work on an export: {@code ewn audit as-of} rebuilds a member's inbox and an alert at a moment from the
 * exported file alone, and shows what the hub's own point-in-time view shows for the same moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + AuditCliIT.DEMO_PASSWORD})
class AuditAsOfIT {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anExportGivesOfflineWhatTheHubShowsForTheSameMoment() throws Exception {
        String hub = "http://127.0.0.1:" + port;
        Terminal terminal = Terminal.withPassword(AuditCliIT.DEMO_PASSWORD)
                .variable(AuditOptions.DEFAULT_PASSWORD_VARIABLE, AuditCliIT.DEMO_PASSWORD);
        Path pki = Path.of("target/it-data/network/demo-pki");
        Terminal.Result first = terminal.run("alert", "raise", "--hub", hub, "--key", pki.resolve("KZ-DEMO.p12")
                .toString(), "--to", "UZ", "--precedence", "ROUTINE", "--category", "OTHER", "--title",
                "Seen offline", "--text", "Before the moment");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String alertId = Json.MAPPER.readTree(first.out().lines().findFirst().orElseThrow()).get("alertId").asText();
        Thread.sleep(1100);
        Instant moment = Instant.now();
        Thread.sleep(1100);
        Terminal.Result later = terminal.run("alert", "raise", "--hub", hub, "--key", pki.resolve("KZ-DEMO.p12")
                .toString(), "--to", "UZ", "--precedence", "ROUTINE", "--category", "OTHER", "--title",
                "After the moment", "--text", "Later");
        assertThat(later.exitCode()).as(later.toString()).isZero();

        Path root = dir.resolve("root.crt");
        Files.writeString(root, get(hub + "/api/v1/trust/root-certificate", null));
        Path export = dir.resolve("log.ndjson");
        Terminal.Result exported = terminal.run("audit", "export", "--hub", hub, "--user", "kz-auditor",
                "--root-certificate", root.toString(), "--out", export.toString());
        assertThat(exported.exitCode()).as(exported.toString()).isZero();

        Terminal.Result offline = terminal.run("audit", "as-of", "--export", export.toString(), "--member", "UZ",
                "--at", moment.toString());
        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        JsonNode offlineInbox = Json.MAPPER.readTree(offline.out());
        JsonNode online = Json.MAPPER.readTree(get(hub + "/api/v1/audit/inbox?member=UZ&size=200&at=" + moment,
                "kz-auditor"));
        assertThat(offlineInbox.get("alerts")).isNotEmpty();
        assertThat(offlineInbox.get("alerts").toString()).contains(alertId).doesNotContain("After the moment");
        assertThat(offlineInbox.get("total")).isEqualTo(online.get("total"));
        assertThat(offlineInbox.get("alerts")).isEqualTo(online.get("alerts"));

        Terminal.Result one = terminal.run("audit", "as-of", "--export", export.toString(), "--member", "UZ",
                "--at", moment.toString(), "--alert", alertId);
        JsonNode offlineAlert = Json.MAPPER.readTree(one.out());
        JsonNode onlineAlert = Json.MAPPER.readTree(get(hub + "/api/v1/audit/alerts/" + alertId + "?member=UZ&at="
                + moment, "kz-auditor"));
        assertThat(offlineAlert.get("title")).isEqualTo(onlineAlert.get("title"));
        assertThat(offlineAlert.get("history").findValues("kind")).isEqualTo(onlineAlert.get("history")
                .findValues("kind"));
        assertThat(offlineAlert.get("history").findValues("position")).isEqualTo(onlineAlert.get("history")
                .findValues("position"));

        Terminal.Result stranger = terminal.run("audit", "as-of", "--export", export.toString(), "--member", "TJ",
                "--at", moment.toString(), "--alert", alertId);
        assertThat(stranger.exitCode()).isNotZero();
        assertThat(stranger.err()).contains("could not see");
    }

    private String get(String url, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + AuditCliIT.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
