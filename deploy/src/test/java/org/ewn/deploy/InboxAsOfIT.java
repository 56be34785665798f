package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor asks what a member's inbox, and one of its alerts, showed at a past moment; the answer, rebuilt from the
 * log, equals what the member's officer was shown at that moment. Shares its application with {@link NetworkIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class InboxAsOfIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private NetworkClient api;

    @BeforeEach
    void setUp() {
        api = new NetworkClient(port, NetworkIT.DATA);
    }

    @Test
    void anInboxAndAnAlertAsOfAMomentEqualWhatTheOfficerSawThen() throws Exception {
        String first = raise("Before the moment " + UUID.randomUUID());
        awaitInbox(inbox -> inbox.toString().contains(first));
        JsonNode inboxThen = api.get("/api/v1/inbox?size=200", "tj-officer").json();
        JsonNode alertThen = api.get("/api/v1/inbox/alerts/" + first, "tj-officer").json();
        Instant moment = Instant.now();
        Thread.sleep(20);

        assertThat(api.submit("/api/v1/alerts/" + first + "/acknowledgements", api.signer("TJ-DEMO")
                .sign("alert.acknowledge", Map.of("alertId", first))).status()).isEqualTo(201);
        String later = raise("After the moment " + UUID.randomUUID());
        awaitInbox(inbox -> inbox.toString().contains(later));

        JsonNode inboxAsOf = auditor("/api/v1/audit/inbox?member=TJ&size=200&at=" + moment);
        assertThat(inboxAsOf).as("the inbox as the officer saw it then").isEqualTo(inboxThen);
        assertThat(inboxAsOf.toString()).doesNotContain(later);
        assertThat(auditor("/api/v1/audit/alerts/" + first + "?member=TJ&at=" + moment))
                .as("the alert as the officer saw it then, unacknowledged").isEqualTo(alertThen);
        JsonNode alertNow = auditor("/api/v1/audit/alerts/" + first + "?member=TJ&at=" + Instant.now());
        assertThat(alertNow.get("acknowledgements").findValuesAsText("member")).containsExactly("TJ");
        assertThat(alertNow).isEqualTo(api.get("/api/v1/inbox/alerts/" + first, "tj-officer").json());
    }

    @Test
    void openingAnAlertAppearsInTheAuditStreamWithWhoAndWhetherItWasShown() {
        String alert = raise("Read by its addressee " + UUID.randomUUID());
        NetworkClient.Reply shown = api.get("/api/v1/inbox/alerts/" + alert, "tj-officer");
        NetworkClient.Reply refused = api.get("/api/v1/inbox/alerts/" + alert, "kg-officer");
        assertThat(refused.status()).isEqualTo(404);

        NetworkClient.Reply stream = api.get("/api/v1/audit/events?type=RecordViewed", "tj-auditor");
        assertThat(stream.status()).as(stream.body()).isEqualTo(200);
        List<String> reads = stream.body().lines().filter(line -> line.contains("\"eventId\""))
                .map(line -> new String(Base64.getDecoder().decode(
                        readTree(line).get("payload").asText()), StandardCharsets.UTF_8))
                .filter(payload -> payload.contains(alert)).toList();
        assertThat(reads).as("two reads, one shown (%s) and one refused", shown.status()).hasSize(2);
        assertThat(reads.get(0)).contains("\"username\":\"tj-officer\"").contains("\"shown\":true");
        assertThat(reads.get(1)).contains("\"username\":\"kg-officer\"").contains("\"shown\":false");
    }

    private static JsonNode readTree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void onlyAuditorsLookBackAndTheyNameAMomentAndAMember() {
        String path = "/api/v1/audit/inbox?member=TJ&at=" + Instant.now();
        assertThat(api.get(path, "tj-officer").status()).isEqualTo(403);
        assertThat(api.get(path, "tj-auditor").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/inbox?member=TJ&at=yesterday", "tj-auditor").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit/inbox?member=tj!&at=" + Instant.now(), "tj-auditor").status())
                .isEqualTo(400);
        NetworkClient.Reply unseen = api.get("/api/v1/audit/alerts/" + UUID.randomUUID() + "?member=TJ&at="
                                             + Instant.now(), "tj-auditor");
        assertThat(unseen.status()).isEqualTo(404);
        assertThat(unseen.json().get("type").asText()).isEqualTo("urn:ewn:problem:not-found");
    }

    private String raise(String title) {
        Map<String, Object> body = new LinkedHashMap<>(NetworkClient.alert(List.of("TJ"), title));
        body.put("precedence", "ROUTINE");
        NetworkClient.Reply raised = api.raise("KZ-DEMO", UUID.randomUUID(), body);
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().get("alertId").asText();
    }

    private JsonNode auditor(String path) {
        NetworkClient.Reply reply = api.get(path, "tj-auditor");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private void awaitInbox(Predicate<JsonNode> ready) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            NetworkClient.Reply reply = api.get("/api/v1/inbox?size=200", "tj-officer");
            if (reply.status() == 200 && ready.test(reply.json())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the inbox never got there");
    }
}
