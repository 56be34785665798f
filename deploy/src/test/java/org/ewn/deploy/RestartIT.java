package org.ewn.deploy;

import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyKind;
import org.ewn.trust.KeyStores;
import org.ewn.trust.NetworkPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The all-in-one application keeps everything in its data directory across a restart. */
class RestartIT {

    @Test
    void restartKeepsAlertsAccountsAndTheLogsOrder(@TempDir Path data) throws Exception {
        String first;
        long firstPosition;
        try (ConfigurableApplicationContext network = start(data, true)) {
            NetworkClient api = client(network);
            first = raise(api, "Before the restart");
            firstPosition = awaitPosition(api, first);
        }
        Path credentials = data.resolve("demo-credentials.txt");
        assertThat(Files.readString(credentials)).contains("DEMO NETWORK").contains("kz-agency").contains("uz-officer");
        String credentialsBefore = Files.readString(credentials);
        byte[] rootBefore = Files.readAllBytes(data.resolve("demo-pki/root.p12"));
        byte[] hubKeyBefore = Files.readAllBytes(data.resolve("hub.p12"));

        try (ConfigurableApplicationContext network = start(data, true)) {
            NetworkClient api = client(network);
            assertThat(awaitPosition(api, first)).isEqualTo(firstPosition);
            String second = raise(api, "After the restart");
            assertThat(awaitPosition(api, second)).isGreaterThan(firstPosition);
        }
        assertThat(Files.readString(credentials)).isEqualTo(credentialsBefore);
        assertThat(Files.readAllBytes(data.resolve("demo-pki/root.p12"))).as("the same demo root").isEqualTo(rootBefore);
        assertThat(Files.readAllBytes(data.resolve("hub.p12"))).as("the same receipt key").isEqualTo(hubKeyBefore);
    }

    @Test
    void demoNetworkCanBeSwitchedOff(@TempDir Path data) {
        try (ConfigurableApplicationContext network = start(data, false)) {
            NetworkClient.Reply reply = client(network).get("/api/v1/inbox", "kz-officer");
            assertThat(reply.status()).isEqualTo(401);
        }
        assertThat(data.resolve("demo-pki")).doesNotExist();
        assertThat(data.resolve("demo-credentials.txt")).doesNotExist();
        assertThat(data.resolve("store.mv")).exists();
    }

    @Test
    void aReceiptKeyThatCannotBeReadStopsTheStart(@TempDir Path data) throws Exception {
        Instant now = Instant.now();
        IssuedKey hub = NetworkPki.signingKey(NetworkPki.root("EWN", now, now.plusSeconds(3600)), "hub",
                                              KeyKind.ED25519, now, now.plusSeconds(3600));
        KeyStores.save(data.resolve("hub.p12"), "its-password".toCharArray(), Map.of("hub", hub), false,
                       KeyStores.DEMO_ITERATIONS);

        assertThatThrownBy(() -> start(data, false)).hasStackTraceContaining("No password for the hub's receipt key");
        Files.writeString(data.resolve("hub.p12.password"), "another-password");
        assertThatThrownBy(() -> start(data, false)).hasStackTraceContaining("wrong password");
    }

    private static ConfigurableApplicationContext start(Path data, boolean demo) {
        return new SpringApplicationBuilder(NetworkApplication.class).run(
                "--server.port=0", "--ewn.data.dir=" + data, "--ewn.demo.enabled=" + demo,
                "--ewn.demo.password=" + NetworkClient.DEMO_PASSWORD);
    }

    private static NetworkClient client(ConfigurableApplicationContext network) {
        return new NetworkClient(Integer.parseInt(network.getEnvironment().getProperty("local.server.port")),
                                 Path.of(network.getEnvironment().getProperty("ewn.data.dir")));
    }

    private static String raise(NetworkClient api, String title) {
        NetworkClient.Reply reply = api.raise("KZ-DEMO", List.of("UZ"), title);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("alertId").asText();
    }

    private static long awaitPosition(NetworkClient api, String alertId) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            for (var alert : api.get("/api/v1/inbox", "uz-officer").json().get("alerts")) {
                if (alert.get("alertId").asText().equals(alertId)) {
                    return alert.get("position").asLong();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("alert " + alertId + " never reached the inbox");
    }
}
