package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.deploy.store.DurableH2Backend;
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

    /** The deadline passes while no node runs; the next start escalates the addressee that did not acknowledge, once. */
    @Test
    void aDeadlineThatPassedWhileTheNetworkWasDownEscalatesOnceAfterTheRestart(@TempDir Path data) throws Exception {
        String[] quickDeadlines = {"--ewn.alerts.acknowledge-within.flash=6s",
                                   "--ewn.alerts.escalation.check-interval=200ms"};
        String alertId;
        Instant deadline;
        try (ConfigurableApplicationContext network = start(data, true, quickDeadlines)) {
            NetworkClient api = client(network);
            NetworkClient.Reply raised = api.raise("KZ-DEMO", List.of("KG", "UZ"), "Deadline across a restart");
            assertThat(raised.status()).as(raised.body()).isEqualTo(201);
            alertId = raised.json().get("alertId").asText();
            NetworkClient.Reply acknowledged = api.submit("/api/v1/alerts/" + alertId + "/acknowledgements",
                    api.signer("UZ-DEMO").sign("alert.acknowledge", Map.of("alertId", alertId)));
            assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(201);
            deadline = Instant.parse(api.get("/api/v1/inbox/alerts/" + alertId, "kz-officer").json()
                                        .get("acknowledgeBy").asText());
        }
        assertThat(escalationsIn(data, alertId)).as("nothing escalated before the deadline").isEmpty();
        while (!Instant.now().isAfter(deadline.plusSeconds(1))) {
            Thread.sleep(200);
        }

        try (ConfigurableApplicationContext network = start(data, true, quickDeadlines)) {
            EventStore events = network.getBean(EventStore.class);
            List<AlertEscalated> escalations = List.of();
            for (int attempt = 0; attempt < 100 && escalations.isEmpty(); attempt++) {
                Thread.sleep(100);
                escalations = escalations(events, alertId);
            }
            Thread.sleep(1000);
            escalations = escalations(events, alertId);
            assertThat(escalations).as("once, for the addressee that did not acknowledge")
                    .extracting(e -> e.member().value()).containsExactly("KG");
            assertThat(escalations.get(0).deadline().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).isEqualTo(deadline);

            // the originator's console shows the escalation as the hub's own, the signed steps as verified
            JsonNode history = null;
            for (int attempt = 0; attempt < 100; attempt++) {
                history = client(network).get("/api/v1/inbox/alerts/" + alertId, "kz-officer").json().get("history");
                if (history.toString().contains("ESCALATED")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(history.findValuesAsText("kind")).containsExactly("RAISED", "ACKNOWLEDGED", "ESCALATED");
            assertThat(history.findValues("signature")).extracting(s -> s.get("status").asText())
                    .containsExactly("VERIFIED", "VERIFIED", "HUB");
            assertThat(history.get(1).get("signature").get("agency").asText()).isEqualTo("UZ-DEMO");
        }
    }

    /** The escalations as a fresh start finds them in the log, before its watch could add any. */
    private static List<AlertEscalated> escalationsIn(Path data, String alertId) {
        try (ConfigurableApplicationContext network = start(data, true,
                "--ewn.alerts.escalation.check-interval=1h")) {
            return escalations(network.getBean(EventStore.class), alertId);
        }
    }

    private static List<AlertEscalated> escalations(EventStore events, String alertId) {
        try (var stream = events.readEvents(alertId).asStream()) {
            return stream.map(m -> m.getPayload()).filter(AlertEscalated.class::isInstance)
                         .map(AlertEscalated.class::cast).toList();
        }
    }

    @Test
    void demoNetworkCanBeSwitchedOff(@TempDir Path data) {
        try (ConfigurableApplicationContext network = start(data, false)) {
            NetworkClient.Reply reply = client(network).get("/api/v1/inbox", "kz-officer");
            assertThat(reply.status()).isEqualTo(401);
        }
        assertThat(data.resolve("demo-pki")).doesNotExist();
        assertThat(data.resolve("demo-credentials.txt")).doesNotExist();
        assertThat(data.resolve(DurableH2Backend.LOG_FILE)).exists();
        assertThat(data.resolve(DurableH2Backend.DERIVED_FILE)).exists();
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

    private static ConfigurableApplicationContext start(Path data, boolean demo, String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0", "--ewn.data.dir=" + data,
                "--ewn.demo.enabled=" + demo, "--ewn.demo.password=" + NetworkClient.DEMO_PASSWORD));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(NetworkApplication.class).run(arguments.toArray(String[]::new));
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
