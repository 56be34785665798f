package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.api.subject.DataKind;
import org.ewn.api.subject.SubjectErased;
import org.ewn.api.subject.SubjectId;
import org.ewn.deploy.NetworkApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Across restarts of the all-in-one network: rotating the master key with {@code ewn subject rotate-master-key}
 * leaves every alert's personal data readable and no event changed; the retention policy then erases it on
 * schedule, recorded as the hub's own erasure.
 */
class KeyRotationAndRetentionIT {

    private static final String NAME = "Madina Rotationova";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void rotationKeepsPersonalDataReadableAndRetentionErasesItOnSchedule(@TempDir Path data) throws Exception {
        Terminal terminal = Terminal.withPassword(AuditCliIT.DEMO_PASSWORD);
        Path person = data.resolve("person.json");
        String alertId;
        UUID subject;
        List<String> eventsBefore;
        try (ConfigurableApplicationContext network = start(data, "1h")) {
            Files.writeString(person, "{\"name\": \"" + NAME + "\", \"dateOfBirth\": \"2014\"}");
            Terminal.Result raised = terminal.run("alert", "raise", "--hub", hub(network), "--key",
                    data.resolve("demo-pki/KZ-DEMO.p12").toString(), "--to", "UZ", "--precedence", "ROUTINE",
                    "--category", "OTHER", "--title", "About a person", "--subject", person.toString());
            assertThat(raised.exitCode()).as(raised.toString()).isZero();
            alertId = Json.MAPPER.readTree(raised.out().lines().findFirst().orElseThrow()).get("alertId").asText();
            subject = UUID.fromString(raised.err().lines().filter(l -> l.startsWith("subject ")).findFirst()
                    .orElseThrow().substring("subject ".length()));
            assertThat(awaitPerson(network, alertId).get("personalData").get("name").asText()).isEqualTo(NAME);
            eventsBefore = events(network);
        }

        Path masterKey = data.resolve("keys/master.key");
        String before = Files.readString(masterKey);
        Terminal.Result rotated = terminal.run("subject", "rotate-master-key", "--master-key-file",
                masterKey.toString(), "--key-dir", data.resolve("keys/subjects").toString());
        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        assertThat(rotated.out()).contains("subject keys rewrapped: 1");
        assertThat(Files.readString(masterKey)).isNotEqualTo(before);
        assertThat(data.resolve("keys/master.key.old")).doesNotExist();
        assertThat(PersonalDataIT.filesContaining(data, before.strip().getBytes(StandardCharsets.US_ASCII)))
                .as("the old master key is gone").isEmpty();

        try (ConfigurableApplicationContext network = start(data, "1h")) {
            assertThat(awaitPerson(network, alertId).get("personalData").get("name").asText()).isEqualTo(NAME);
            assertThat(events(network)).as("rotation changes no event").startsWith(eventsBefore.toArray(String[]::new));
        }

        try (ConfigurableApplicationContext network = start(data, "2s")) {
            JsonNode erased = null;
            for (int attempt = 0; attempt < 100; attempt++) {
                erased = awaitPerson(network, alertId);
                if (erased.path("erased").asBoolean()) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(erased.path("erased").asBoolean()).as(erased.toString()).isTrue();
            List<SubjectErased> erasures = new ArrayList<>();
            try (var events = network.getBean(EventStore.class).readEvents(new SubjectId(subject).toString()).asStream()) {
                events.forEach(e -> erasures.add((SubjectErased) e.getPayload()));
            }
            assertThat(erasures).singleElement().satisfies(e -> {
                assertThat(e.erasedBy()).as("the hub's own erasure").isNull();
                assertThat(e.complete()).isFalse();
                assertThat(e.kind()).isEqualTo(DataKind.ALERT);
                assertThat(e.legalBasis()).contains("retention period of ALERT data");
                assertThat(e.keyIds()).hasSize(1);
            });
        }
    }

    private static ConfigurableApplicationContext start(Path data, String alertRetention) {
        return new SpringApplicationBuilder(NetworkApplication.class).run("--server.port=0",
                "--ewn.data.dir=" + data, "--ewn.demo.password=" + AuditCliIT.DEMO_PASSWORD,
                "--ewn.protection.retention.ALERT=" + alertRetention, "--ewn.protection.retention-check=200ms");
    }

    private static String hub(ConfigurableApplicationContext network) {
        return "http://127.0.0.1:" + network.getEnvironment().getProperty("local.server.port");
    }

    /** Every event in the log, by its identifier and payload, in order. */
    private static List<String> events(ConfigurableApplicationContext network) {
        try (var events = network.getBean(org.axonframework.eventsourcing.eventstore.EventStorageEngine.class)
                .readEvents(null, false)) {
            return events.map(e -> e.getIdentifier() + " " + e.getPayload()).toList();
        }
    }

    private JsonNode awaitPerson(ConfigurableApplicationContext network, String alertId) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> detail = http.send(HttpRequest.newBuilder(URI.create(hub(network)
                    + "/api/v1/inbox/alerts/" + alertId)).header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("uz-officer:" + AuditCliIT.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (detail.statusCode() == 200) {
                return Json.MAPPER.readTree(detail.body()).get("subjects").get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("alert " + alertId + " never reached UZ");
    }
}
