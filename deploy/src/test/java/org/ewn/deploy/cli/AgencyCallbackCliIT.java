package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ewn agency callback} registers an agency's callback URL with a signed submission, and removes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + AuditCliIT.DEMO_PASSWORD})
class AgencyCallbackCliIT {

    private static final Path KEY = Path.of("target/it-data/network/demo-pki/TM-DEMO.p12");
    private static final String URL = "https://tm-demo.example/ewn/notifications";

    @LocalServerPort
    int port;

    @Test
    void anAgencyRegistersAndRemovesItsCallback() throws Exception {
        Terminal terminal = Terminal.withPassword(AuditCliIT.DEMO_PASSWORD);
        String hub = "http://127.0.0.1:" + port;

        Terminal.Result registered = terminal.run("agency", "callback", "--hub", hub, "--key", KEY.toString(),
                "--agency", "TM-DEMO", "--url", URL);
        assertThat(registered.exitCode()).as(registered.toString()).isZero();
        JsonNode answer = Json.MAPPER.readTree(registered.out());
        assertThat(answer.get("agency").asText()).isEqualTo("TM-DEMO");
        assertThat(answer.get("url").asText()).isEqualTo(URL);
        assertThat(answer.get("receipt").asText()).startsWith("eyJ");

        Terminal.Result insecure = terminal.run("agency", "callback", "--hub", hub, "--key", KEY.toString(),
                "--agency", "TM-DEMO", "--url", "http://tm-demo.example/hook");
        assertThat(insecure.exitCode()).as(insecure.toString()).isNotZero();
        assertThat(insecure.err()).contains("https");

        Terminal.Result neither = terminal.run("agency", "callback", "--hub", hub, "--key", KEY.toString(),
                "--agency", "TM-DEMO");
        assertThat(neither.exitCode()).isNotZero();
        assertThat(neither.err()).contains("--url or --remove");

        Terminal.Result removed = terminal.run("agency", "callback", "--hub", hub, "--key", KEY.toString(),
                "--agency", "TM-DEMO", "--remove");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(Json.MAPPER.readTree(removed.out()).get("url").isNull()).isTrue();
    }
}
