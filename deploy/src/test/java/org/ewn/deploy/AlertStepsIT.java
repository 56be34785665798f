package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens to an alert after it is raised, over HTTP: addressees acknowledge it with a signed submission (the
 * originator's member sees who did, each addressee its own), and the originating agency withdraws it. Shares its
 * application with {@link NetworkIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class AlertStepsIT {

    @LocalServerPort
    int port;

    private NetworkClient api;

    @BeforeEach
    void setUp() {
        api = new NetworkClient(port, NetworkIT.DATA);
    }

    @Test
    void anAddresseeAcknowledgesOnceAndTheOriginatorSeesIt() {
        String alertId = raised();
        String envelope = acknowledgement("UZ-DEMO", alertId);

        NetworkClient.Reply first = api.submit(path(alertId), envelope);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("member").asText()).isEqualTo("UZ");
        assertThat(first.json().get("receipt").asText()).isNotBlank();
        NetworkClient.Reply again = api.submit(path(alertId), envelope);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).as("the same answer and receipt").isEqualTo(first.json());
        assertRefused(api.submit(path(alertId), acknowledgement("UZ-DEMO", alertId)), 409, "already-acknowledged");

        JsonNode seenByOriginator = await("kz-officer", alertId, a -> a.get("acknowledgements").size() == 1);
        assertThat(seenByOriginator.get("acknowledgements").get(0).get("member").asText()).isEqualTo("UZ");
        assertThat(seenByOriginator.get("acknowledgements").get(0).get("agency").asText()).isEqualTo("UZ-DEMO");
        assertThat(await("uz-officer", alertId, a -> a.get("acknowledgements").size() == 1)).isNotNull();
        assertThat(alert("kg-officer", alertId).get("acknowledgements")).as("another addressee's").isEmpty();
    }

    @Test
    void onlyAddresseesAcknowledgeAndOthersDoNotLearnTheAlertExists() {
        String alertId = raised();
        assertRefused(api.submit(path(alertId), acknowledgement("KZ-DEMO", alertId)), 403, "not-an-addressee");
        assertRefused(api.submit(path(alertId), acknowledgement("TM-DEMO", alertId)), 404, "not-found");
        String unknown = UUID.randomUUID().toString();
        assertRefused(api.submit(path(unknown), acknowledgement("UZ-DEMO", unknown)), 404, "not-found");
        assertRefused(api.submit(path(alertId), acknowledgement("UZ-DEMO", unknown)), 400, "invalid-request");
    }

    @Test
    void theOriginatorWithdrawsAndEveryAddresseeSeesItWithdrawn() {
        String alertId = raised();
        String withdrawal = api.signer("KZ-DEMO").sign("alert.withdraw", Map.of("alertId", alertId,
                "reason", "The child was found safe"));
        assertRefused(api.submit("/api/v1/alerts/" + alertId + "/withdrawal", api.signer("UZ-DEMO").sign(
                "alert.withdraw", Map.of("alertId", alertId, "reason", "Not ours"))), 403, "not-the-originator");

        NetworkClient.Reply first = api.submit("/api/v1/alerts/" + alertId + "/withdrawal", withdrawal);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(api.submit("/api/v1/alerts/" + alertId + "/withdrawal", withdrawal).json()).isEqualTo(first.json());
        assertRefused(api.submit(path(alertId), acknowledgement("KG-DEMO", alertId)), 409, "withdrawn");

        for (String officer : List.of("kz-officer", "kg-officer", "uz-officer")) {
            JsonNode alert = await(officer, alertId, a -> !a.get("withdrawal").isNull());
            assertThat(alert.get("withdrawal").get("reason").asText()).isEqualTo("The child was found safe");
            assertThat(alert.get("withdrawal").get("agency").asText()).isEqualTo("KZ-DEMO");
        }
    }

    @Test
    void anAlertCarriesItsHandlingGradingAndDeadline() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(NetworkClient.alert(List.of("KG"), "Graded"));
        body.put("precedence", "IMMEDIATE");
        body.put("marking", "AMBER_STRICT");
        body.put("restrictions", Map.of("purpose", "border security", "onwardSharingNeedsPermission", true));
        body.put("reliability", "B");
        body.put("accuracy", 2);
        body.put("status", "EXERCISE");
        body.put("attachments", List.of(Map.of("sha256", "0f".repeat(32), "name", "route.pdf",
                "mediaType", "application/pdf", "size", 2048)));
        NetworkClient.Reply reply = api.raise("TJ-DEMO", UUID.randomUUID(), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String alertId = reply.json().get("alertId").asText();

        JsonNode alert = await("kg-officer", alertId, a -> true);
        JsonNode details = alert.get("details");
        assertThat(details.get("marking").asText()).isEqualTo("AMBER_STRICT");
        assertThat(details.get("restrictions").get("purpose").asText()).isEqualTo("border security");
        assertThat(details.get("reliability").asText()).isEqualTo("B");
        assertThat(details.get("accuracy").asInt()).isEqualTo(2);
        assertThat(details.get("status").asText()).isEqualTo("EXERCISE");
        assertThat(details.get("attachments").get(0).get("name").asText()).isEqualTo("route.pdf");
        java.time.Duration deadline = java.time.Duration.between(
                java.time.Instant.parse(alert.get("submittedAt").asText()),
                java.time.Instant.parse(alert.get("acknowledgeBy").asText()));
        assertThat(deadline).as("IMMEDIATE: within the hour").isEqualTo(java.time.Duration.ofHours(1));
        JsonNode board = await("tj-officer", alertId, a -> a.get("board").size() == 1).get("board");
        assertThat(board.get(0).get("state").asText()).isEqualTo("DELIVERED");

        Map<String, Object> invalid = new java.util.LinkedHashMap<>(NetworkClient.alert(List.of("KG"), "Bad"));
        invalid.put("accuracy", 5);
        assertRefused(api.raise("TJ-DEMO", UUID.randomUUID(), invalid), 400, "invalid-request");
    }

    @Test
    void theOriginatorFollowsUpAndDecidesOnRequestsToShareOnward() {
        String alertId = raised();
        String steps = "/api/v1/alerts/" + alertId;
        NetworkClient.Reply followUp = api.submit(steps + "/follow-ups", api.signer("KZ-DEMO").sign("alert.follow-up",
                Map.of("alertId", alertId, "text", "Seen again at the market")));
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(201);
        assertThat(followUp.json().get("type").asText()).isEqualTo("alert.follow-up");
        assertRefused(api.submit(steps + "/follow-ups", api.signer("UZ-DEMO").sign("alert.follow-up",
                Map.of("alertId", alertId, "text", "Not ours"))), 403, "not-the-originator");

        NetworkClient.Reply request = api.submit(steps + "/sharing-requests", api.signer("UZ-DEMO").sign(
                "alert.sharing-request", Map.of("alertId", alertId, "recipients", "the regional police",
                        "purpose", "the search")));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        String requestId = request.json().get("submissionId").asText();
        assertRefused(api.submit(steps + "/sharing-requests", api.signer("TM-DEMO").sign("alert.sharing-request",
                Map.of("alertId", alertId, "recipients", "press", "purpose", "publicity"))), 404, "not-found");

        String decision = api.signer("KZ-DEMO").sign("alert.sharing-decision", Map.of("alertId", alertId,
                "requestId", requestId, "granted", true, "reason", "For the search only"));
        String decisionPath = steps + "/sharing-requests/" + requestId + "/decision";
        NetworkClient.Reply decided = api.submit(decisionPath, decision);
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        assertThat(api.submit(decisionPath, decision).json()).as("the same answer").isEqualTo(decided.json());
        assertRefused(api.submit(decisionPath, api.signer("KZ-DEMO").sign("alert.sharing-decision", Map.of(
                "alertId", alertId, "requestId", requestId, "granted", false, "reason", "No"))), 409, "invalid-state");
    }

    private String raised() {
        NetworkClient.Reply reply = api.raise("KZ-DEMO", List.of("KG", "UZ"), "To be acknowledged");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("alertId").asText();
    }

    private String acknowledgement(String agency, String alertId) {
        return api.signer(agency).sign("alert.acknowledge", Map.of("alertId", alertId));
    }

    private static String path(String alertId) {
        return "/api/v1/alerts/" + alertId + "/acknowledgements";
    }

    private JsonNode alert(String officer, String alertId) {
        NetworkClient.Reply reply = api.get("/api/v1/inbox/alerts/" + alertId, officer);
        return reply.status() == 200 ? reply.json() : null;
    }

    /** The inbox follows the log asynchronously. */
    private JsonNode await(String officer, String alertId, Predicate<JsonNode> ready) {
        for (int attempt = 0; attempt < 200; attempt++) {
            JsonNode alert = alert(officer, alertId);
            if (alert != null && ready.test(alert)) {
                return alert;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the inbox of " + officer + " never showed " + alertId + " as expected");
    }

    private static void assertRefused(NetworkClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:ewn:problem:" + type);
    }
}
