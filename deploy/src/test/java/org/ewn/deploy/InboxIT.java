package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox over HTTP: its filters, its search and an alert's history as each member may see it, after signed
 * submissions raise, acknowledge, follow up, withdraw and ask to share alerts. The network's data outlives each run and
 * other tests add to it, so every question narrows to this test's own alerts by searching for a word only they carry.
 * Shares its application with {@link NetworkIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class InboxIT {

    @LocalServerPort
    int port;

    private NetworkClient api;
    /** A word only this test's alerts carry. */
    private final String tag = "inboxit" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        api = new NetworkClient(port, NetworkIT.DATA);
    }

    @Test
    void filtersAndSearchNarrowTheInboxAndTheTotalCountsWhatMatches() {
        String threat = raise("KZ-DEMO", alert(List.of("KG", "UZ"), "FLASH", "TERRORIST_THREAT", "Bomb threat"));
        Map<String, Object> exercise = alert(List.of("UZ"), "ROUTINE", "CYBER_INCIDENT", "Phishing wave");
        exercise.put("status", "EXERCISE");
        exercise.put("marking", "GREEN");
        exercise.put("validFrom", Instant.now().minus(Duration.ofHours(2)).toString());
        exercise.put("validUntil", Instant.now().minus(Duration.ofHours(1)).toString());
        String phishing = raise("KZ-DEMO", exercise);
        Instant beforeChild = Instant.now();
        String child = raise("TJ-DEMO", alert(List.of("UZ"), "PRIORITY", "MISSING_OR_AT_RISK_CHILD", "Missing child"));
        submitted(api.submit(steps(threat) + "/acknowledgements", api.signer("UZ-DEMO").sign("alert.acknowledge",
                Map.of("alertId", threat))));
        submitted(api.submit(steps(phishing) + "/withdrawal", api.signer("KZ-DEMO").sign("alert.withdraw",
                Map.of("alertId", phishing, "reason", "Sent in error"))));
        await("uz-officer", "state=WITHDRAWN", page -> ids(page).contains(phishing));

        assertThat(ids(inbox("uz-officer", ""))).containsExactly(child, phishing, threat);
        assertThat(inbox("uz-officer", "size=1").get("total").asInt()).isEqualTo(3);
        assertThat(ids(inbox("uz-officer", "size=1&page=1"))).containsExactly(phishing);
        assertThat(ids(inbox("uz-officer", "state=UNACKNOWLEDGED"))).containsExactly(child, phishing);
        assertThat(ids(inbox("uz-officer", "state=ACKNOWLEDGED"))).containsExactly(threat);
        assertThat(ids(inbox("kg-officer", "state=UNACKNOWLEDGED"))).containsExactly(threat);
        assertThat(ids(inbox("uz-officer", "state=WITHDRAWN"))).containsExactly(phishing);
        assertThat(ids(inbox("uz-officer", "state=EXPIRED"))).containsExactly(phishing);
        assertThat(ids(inbox("uz-officer", "state=OVERDUE"))).as("no deadline has passed").isEmpty();
        assertThat(ids(inbox("uz-officer", "state=ACKNOWLEDGED&state=EXPIRED"))).containsExactly(phishing, threat);
        assertThat(ids(inbox("uz-officer", "precedence=FLASH,PRIORITY"))).containsExactly(child, threat);
        assertThat(ids(inbox("uz-officer", "category=CYBER_INCIDENT"))).containsExactly(phishing);
        assertThat(ids(inbox("uz-officer", "status=EXERCISE"))).containsExactly(phishing);
        assertThat(ids(inbox("uz-officer", "status=ACTUAL&marking=AMBER"))).containsExactly(child, threat);
        assertThat(ids(inbox("uz-officer", "from=" + beforeChild))).containsExactly(child);
        assertThat(ids(inbox("uz-officer", "to=" + beforeChild))).containsExactly(phishing, threat);
        assertThat(ids(inbox("uz-officer", "state=UNACKNOWLEDGED&precedence=ROUTINE"))).containsExactly(phishing);
        assertThat(ids(inbox("tj-officer", ""))).as("the originator's member, not addressed").isEmpty();
        assertThat(ids(inbox("kz-officer", ""))).isEmpty();
    }

    @Test
    void theSearchIgnoresCaseAndFindsEveryVersionOfTheText() {
        String threat = raise("KZ-DEMO", alert(List.of("KG", "UZ"), "FLASH", "TERRORIST_THREAT", "Bomb threat"));
        followUp(threat, "The bag held documents " + tag);
        followUp(threat, "All clear at the station " + tag);
        JsonNode seen = awaitAlert("kg-officer", threat, a -> a.get("history").size() == 3);
        assertThat(seen.get("text").asText()).isEqualTo("All clear at the station " + tag);

        assertThat(ids(search("kg-officer", "ALL CLEAR AT THE STATION " + tag.toUpperCase()))).containsExactly(threat);
        assertThat(ids(search("kg-officer", "held documents " + tag))).as("a superseded follow-up")
                .containsExactly(threat);
        assertThat(ids(search("kg-officer", "suspicious bag " + tag))).as("the text as raised").containsExactly(threat);
        assertThat(ids(search("kg-officer", "bomb THREAT " + tag))).as("the title").containsExactly(threat);
        assertThat(search("kg-officer", "nowhere " + tag).get("total").asInt()).isZero();
    }

    @Test
    void theHistoryShowsEachMemberWhatItMaySee() {
        String threat = raise("KZ-DEMO", alert(List.of("KG", "UZ"), "FLASH", "TERRORIST_THREAT", "Bomb threat"));
        submitted(api.submit(steps(threat) + "/acknowledgements", api.signer("UZ-DEMO").sign("alert.acknowledge",
                Map.of("alertId", threat))));
        followUp(threat, "All clear " + tag);
        String uzbekRequest = submitted(api.submit(steps(threat) + "/sharing-requests", api.signer("UZ-DEMO").sign(
                "alert.sharing-request", Map.of("alertId", threat, "recipients", "the city police",
                        "purpose", "evacuation")))).get("submissionId").asText();
        submitted(api.submit(steps(threat) + "/sharing-requests/" + uzbekRequest + "/decision",
                api.signer("KZ-DEMO").sign("alert.sharing-decision", Map.of("alertId", threat,
                        "requestId", uzbekRequest, "granted", true, "reason", "For the evacuation only"))));
        String kyrgyzRequest = submitted(api.submit(steps(threat) + "/sharing-requests", api.signer("KG-DEMO").sign(
                "alert.sharing-request", Map.of("alertId", threat, "recipients", "the press",
                        "purpose", "a public warning")))).get("submissionId").asText();

        JsonNode originators = awaitAlert("kz-officer", threat, a -> a.get("history").size() == 6);
        assertThat(steps(originators)).containsExactly("RAISED", "ACKNOWLEDGED UZ", "FOLLOWED_UP",
                "SHARING_REQUESTED UZ", "SHARING_DECIDED UZ", "SHARING_REQUESTED KG");
        assertThat(originators.get("text").asText()).isEqualTo("All clear " + tag);
        assertThat(originators.get("history").findValuesAsText("position").stream().map(Long::parseLong).toList())
                .isSorted().doesNotHaveDuplicates();
        JsonNode raised = originators.get("history").get(0);
        assertThat(raised.get("text").asText()).isEqualTo("Suspicious bag " + tag);
        assertThat(raised.get("agency").asText()).isEqualTo("KZ-DEMO");
        assertThat(raised.get("position").asLong()).isEqualTo(originators.get("position").asLong());
        JsonNode followedUp = originators.get("history").get(2);
        assertThat(followedUp.get("number").asInt()).isEqualTo(1);
        assertThat(followedUp.get("text").asText()).isEqualTo("All clear " + tag);
        JsonNode decided = originators.get("history").get(4);
        assertThat(decided.get("requestId").asText()).isEqualTo(uzbekRequest);
        assertThat(decided.get("granted").asBoolean()).isTrue();
        assertThat(decided.get("reason").asText()).isEqualTo("For the evacuation only");
        assertThat(originators.get("history").get(5).get("requestId").asText()).isEqualTo(kyrgyzRequest);
        assertThat(originators.get("history").get(5).get("recipients").asText()).isEqualTo("the press");

        assertThat(steps(alert("uz-officer", threat))).containsExactly("RAISED", "ACKNOWLEDGED UZ", "FOLLOWED_UP",
                "SHARING_REQUESTED UZ", "SHARING_DECIDED UZ");
        assertThat(steps(alert("kg-officer", threat))).containsExactly("RAISED", "FOLLOWED_UP", "SHARING_REQUESTED KG");
        NetworkClient.Reply outsider = api.get("/api/v1/inbox/alerts/" + threat, "tj-officer");
        assertThat(outsider.status()).isEqualTo(404);
    }

    @Test
    void aWithdrawalIsInTheHistoryOfEveryAddressee() {
        String threat = raise("KZ-DEMO", alert(List.of("KG", "UZ"), "IMMEDIATE", "WANTED_PERSON", "Wanted person"));
        submitted(api.submit(steps(threat) + "/withdrawal", api.signer("KZ-DEMO").sign("alert.withdraw",
                Map.of("alertId", threat, "reason", "Arrested"))));
        for (String officer : List.of("kz-officer", "kg-officer", "uz-officer")) {
            JsonNode alert = awaitAlert(officer, threat, a -> a.get("history").size() == 2);
            JsonNode withdrawn = alert.get("history").get(1);
            assertThat(withdrawn.get("kind").asText()).isEqualTo("WITHDRAWN");
            assertThat(withdrawn.get("reason").asText()).isEqualTo("Arrested");
            assertThat(withdrawn.get("agency").asText()).isEqualTo("KZ-DEMO");
        }
    }

    @Test
    void badFilterValuesAreInvalidRequestProblems() {
        for (String query : List.of("state=LATE", "precedence=URGENT", "category=WEATHER", "status=REAL",
                "marking=WHITE", "from=yesterday", "to=2026-13-01T00:00:00Z", "size=201", "size=0", "page=-1",
                "from=2026-11-26T10:00:00Z&to=2026-11-26T09:00:00Z", "q=" + "x".repeat(201))) {
            NetworkClient.Reply reply = api.get("/api/v1/inbox?" + query, "kz-officer");
            assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asText()).isEqualTo("urn:ewn:problem:invalid-request");
        }
        assertThat(api.get("/api/v1/inbox?size=200&state=UNACKNOWLEDGED", "kz-officer").status()).isEqualTo(200);
    }

    private Map<String, Object> alert(List<String> addressees, String precedence, String category, String title) {
        Map<String, Object> body = new LinkedHashMap<>(NetworkClient.alert(addressees, title + " " + tag));
        body.put("precedence", precedence);
        body.put("category", category);
        body.put("text", title.equals("Bomb threat") ? "Suspicious bag " + tag : "Details " + tag);
        return body;
    }

    private String raise(String agency, Map<String, Object> body) {
        return submitted(api.raise(agency, UUID.randomUUID(), body)).get("alertId").asText();
    }

    private void followUp(String alertId, String text) {
        submitted(api.submit(steps(alertId) + "/follow-ups", api.signer("KZ-DEMO").sign("alert.follow-up",
                Map.of("alertId", alertId, "text", text))));
    }

    private static JsonNode submitted(NetworkClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static String steps(String alertId) {
        return "/api/v1/alerts/" + alertId;
    }

    /** The caller's inbox narrowed to this test's alerts, then by the query given. */
    private JsonNode inbox(String officer, String query) {
        return search(officer, tag, query);
    }

    private JsonNode search(String officer, String text) {
        return search(officer, text, "");
    }

    private JsonNode search(String officer, String text, String query) {
        String q = "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        NetworkClient.Reply reply = api.get("/api/v1/inbox?" + q + (query.isEmpty() ? "" : "&" + query), officer);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode alert(String officer, String alertId) {
        NetworkClient.Reply reply = api.get("/api/v1/inbox/alerts/" + alertId, officer);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("alerts").findValuesAsText("alertId");
    }

    /** Each step's kind, and its member where it has one. */
    private static List<String> steps(JsonNode alert) {
        List<String> steps = new ArrayList<>();
        for (JsonNode step : alert.get("history")) {
            steps.add(step.get("kind").asText() + (step.has("member") ? " " + step.get("member").asText() : ""));
        }
        return steps;
    }

    /** The inbox follows the log asynchronously. */
    private void await(String officer, String query, Predicate<JsonNode> ready) {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (ready.test(inbox(officer, query))) {
                return;
            }
            pause();
        }
        throw new AssertionError("the inbox of " + officer + " never showed " + query + " as expected");
    }

    private JsonNode awaitAlert(String officer, String alertId, Predicate<JsonNode> ready) {
        for (int attempt = 0; attempt < 200; attempt++) {
            NetworkClient.Reply reply = api.get("/api/v1/inbox/alerts/" + alertId, officer);
            if (reply.status() == 200 && ready.test(reply.json())) {
                return reply.json();
            }
            pause();
        }
        throw new AssertionError("the inbox of " + officer + " never showed " + alertId + " as expected");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
