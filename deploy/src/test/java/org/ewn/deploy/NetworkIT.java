package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The all-in-one network on its embedded store, driven as agencies and officers drive it: over HTTP
 * and with real STOMP clients on real sockets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class NetworkIT {

    static final java.nio.file.Path DATA = java.nio.file.Path.of("target/it-data/network");

    @LocalServerPort
    int port;

    private NetworkClient api;
    private final List<Officer> officers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new NetworkClient(port, DATA);
    }

    @AfterEach
    void closeOfficers() {
        officers.forEach(Officer::close);
    }

    @Test
    void pushesAlertToOfficersOfAddressedMembersOnly() throws Exception {
        Officer uz = live("uz-officer", "UZ");
        Officer kg = live("kg-officer", "KG");

        String alertId = raise("KZ-DEMO", List.of("UZ", "TJ"), "Child reported missing near Termez").get("alertId").asText();
        raise("KZ-DEMO", List.of("KG"), "Addressed to Kyrgyzstan only");

        Map<String, Object> pushed = uz.next(10);
        assertThat(pushed).isNotNull();
        assertThat(pushed.get("alertId")).isEqualTo(alertId);
        assertThat(pushed.get("title")).isEqualTo("Child reported missing near Termez");
        assertThat(pushed.get("precedence")).isEqualTo("FLASH");
        assertThat(pushed.get("addressees")).isEqualTo(List.of("TJ", "UZ"));

        // pushes follow the log's order: once KG has its own alert, the earlier one would have arrived first
        Map<String, Object> toKg = kg.next(10);
        assertThat(toKg).isNotNull();
        assertThat(toKg.get("title")).isEqualTo("Addressed to Kyrgyzstan only");
        assertThat(kg.alerts).extracting(a -> a.get("alertId")).doesNotContain(alertId);
        assertThat(uz.alerts).extracting(a -> a.get("title")).doesNotContain("Addressed to Kyrgyzstan only");
    }

    @Test
    void inboxShowsAlertToAddressedMembersOnly() {
        String alertId = raise("TJ-DEMO", List.of("KZ"), "Cyber incident at border service").get("alertId").asText();

        awaitInInbox("kz-officer", alertId);
        assertThat(inboxIds("kz-agency")).contains(alertId);
        String detail = "/api/v1/inbox/alerts/" + alertId;
        assertThat(api.get(detail, "kz-officer").json().get("title").asText()).isEqualTo("Cyber incident at border service");
        assertThat(api.get(detail, "tj-officer").status()).as("the originator's member").isEqualTo(200);
        assertProblem(api.get(detail, "uz-officer"), 404, "urn:ewn:problem:not-found");
        assertThat(inboxIds("uz-officer")).doesNotContain(alertId);
        assertThat(inboxIds("tj-officer")).doesNotContain(alertId);
    }

    @Test
    void alertToAllMembersReachesEveryMember() {
        NetworkClient.Reply reply = api.raise("UZ-DEMO", UUID.randomUUID(), Map.of("allMembers", true,
                "precedence", "ROUTINE", "category", "OTHER", "title", "Network exercise", "text", ""));
        assertThat(reply.status()).isEqualTo(201);
        // every admitted member: the demo's, and any that other tests on this network admitted
        List<String> members = new ArrayList<>();
        for (JsonNode member : api.get("/api/v1/members", "uz-officer").json()) {
            if (!member.get("suspended").asBoolean()) {
                members.add(member.get("code").asText());
            }
        }
        assertThat(members).contains("KG", "KZ", "TJ", "TM", "UNOCT", "UZ");
        assertThat(reply.json().get("addressees")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(members);
        String alertId = reply.json().get("alertId").asText();
        for (String officer : List.of("kz-officer", "kg-officer", "tj-officer", "tm-officer", "uz-officer", "unoct-officer")) {
            awaitInInbox(officer, alertId);
        }
    }

    @Test
    void sameSubmissionTwiceYieldsSameAnswerAndOneAlert() {
        UUID submission = UUID.randomUUID();
        String envelope = api.signer("KG-DEMO").sign("alert.raise", submission, NetworkClient.now(),
                NetworkClient.alert(List.of("TM"), "Wanted person sighted"));
        NetworkClient.Reply first = api.submit("/api/v1/alerts", envelope);
        NetworkClient.Reply second = api.submit("/api/v1/alerts", envelope);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        awaitInInbox("tm-officer", raise("KG-DEMO", List.of("TM"), "barrier").get("alertId").asText());
        assertThat(inboxIds("tm-officer").stream().filter(submission.toString()::equals)).hasSize(1);
    }

    @Test
    void submissionIdReusedForOtherContentIsRefused() {
        UUID submission = UUID.randomUUID();
        api.raise("KG-DEMO", submission, NetworkClient.alert(List.of("TM"), "First"));
        NetworkClient.Reply reply = api.raise("KG-DEMO", submission, NetworkClient.alert(List.of("TM"), "Other"));

        assertProblem(reply, 409, "urn:ewn:problem:replayed-submission");
        awaitInInbox("tm-officer", raise("KG-DEMO", List.of("TM"), "barrier").get("alertId").asText());
        long withTitleOther = inbox("tm-officer").findValuesAsText("title").stream().filter("Other"::equals).count();
        assertThat(withTitleOther).isZero();
    }

    @Test
    void badInputGetsProblemDetailsAndStoresNothing() {
        UUID unknownAddressee = UUID.randomUUID();
        UUID emptyTitle = UUID.randomUUID();

        assertProblem(api.submit("/api/v1/alerts", "not a JWS"), 400, "urn:ewn:problem:malformed-envelope");
        assertProblem(api.post("/api/v1/alerts", null, "application/json", "{}"), 415,
                "urn:ewn:problem:unsupported-media-type");
        assertProblem(api.raise("UZ-DEMO", unknownAddressee, NetworkClient.alert(List.of("KZ", "XX"), "Unknown addressee")),
                422, "urn:ewn:problem:unknown-addressee");
        assertProblem(api.raise("UZ-DEMO", emptyTitle, NetworkClient.alert(List.of("KZ"), "")), 400,
                "urn:ewn:problem:invalid-request");
        Map<String, Object> badPrecedence = NetworkClient.alert(List.of("KZ"), "t");
        badPrecedence.put("precedence", "URGENT");
        assertProblem(api.raise("UZ-DEMO", UUID.randomUUID(), badPrecedence), 400, "urn:ewn:problem:invalid-request");
        Map<String, Object> both = NetworkClient.alert(List.of("KZ"), "t");
        both.put("allMembers", true);
        assertProblem(api.raise("UZ-DEMO", UUID.randomUUID(), both), 400, "urn:ewn:problem:invalid-request");
        String huge = api.signer("UZ-DEMO").sign("alert.raise", NetworkClient.alert(List.of("KZ"), "x".repeat(2_000_000)));
        assertProblem(api.submit("/api/v1/alerts", huge), 413, "urn:ewn:problem:payload-too-large");

        // the inbox follows the log in order: once a later alert shows, a stored bad one would show too
        awaitInInbox("kz-officer", raise("UZ-DEMO", List.of("KZ"), "barrier").get("alertId").asText());
        assertThat(inboxIds("kz-officer")).doesNotContain(unknownAddressee.toString(), emptyTitle.toString());
        assertThat(inbox("kz-officer").findValuesAsText("title")).doesNotContain("t");
    }

    @Test
    void callersAreAuthenticatedAndEntitled() {
        assertProblem(api.get("/api/v1/inbox", null), 401, "urn:ewn:problem:unauthenticated");
        assertProblem(api.get("/api/v1/inbox", "kz-officer-nobody"), 401, "urn:ewn:problem:unauthenticated");
        assertThat(api.get("/api/v1/inbox", "kz-officer").status()).isEqualTo(200);
        // a submission is authenticated by its signature alone; an account's password adds nothing to it
        assertThat(api.raise("KZ-DEMO", List.of("KG"), "Signed, no account").status()).isEqualTo(201);
    }

    @Test
    void officersCanAuthenticateInTheConnectFrame() throws Exception {
        Officer tj = Officer.connectWithLogin(port, "tj-officer", NetworkClient.DEMO_PASSWORD).subscribe("/user/queue/alerts");
        officers.add(tj);
        awaitLive(tj, "TJ");
        String alertId = raise("KZ-DEMO", List.of("TJ"), "For Tajikistan").get("alertId").asText();
        assertThat(tj.next(10)).isNotNull().containsEntry("alertId", alertId);
    }

    @Test
    void connectWithWrongPasscodeIsRefused() throws Exception {
        boolean refused;
        try (Officer intruder = Officer.connectWithLogin(port, "tj-officer", "wrong")) {
            refused = intruder.refused();
        } catch (ExecutionException e) {
            refused = true;
        }
        assertThat(refused).isTrue();
        // the same account with its password connects, so the refusal was the password's
        try (Officer officer = Officer.connectWithLogin(port, "tj-officer", NetworkClient.DEMO_PASSWORD)) {
            assertThat(officer.connected()).isTrue();
        }
    }

    @Test
    void consoleIsServed() {
        NetworkClient.Reply page = api.get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Early-Warning Network").contains("stomp.umd.min.js");
        assertThat(api.get("/webjars/stomp__stompjs/bundles/stomp.umd.min.js", null).status()).isEqualTo(200);
        assertThat(api.get("/console/console.js", null).status()).isEqualTo(200);
    }

    @Test
    void officersCannotSubscribeToOtherDestinations() throws Exception {
        for (String destination : List.of("/queue/alerts", "/queue/alerts-user0", "/user/uz-officer/queue/alerts",
                "/topic/alerts")) {
            Officer kg = Officer.connect(port, "kg-officer");
            officers.add(kg);
            assertThat(kg.connected()).isTrue();
            kg.subscribe(destination);
            assertThat(kg.refused()).as(destination).isTrue();
        }
    }

    @Test
    void agenciesCannotOpenLiveConnections() throws Exception {
        assertThatConnectionFails("kz-agency");
    }

    @Test
    void healthAndApiDescriptionArePublished() {
        NetworkClient.Reply health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");

        NetworkClient.Reply docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asText()).isEqualTo("Early-Warning Network API");
        assertThat(docs.json().get("paths").has("/api/v1/alerts")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/inbox/alerts/{alertId}")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/inbox")).isTrue();
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    /** Spring Security's observations of every filter are off by default; the HTTP server's own stay. */
    @Test
    void securityFiltersAreNotObserved(@Autowired ObservationRegistry observations) {
        assertThat(Observation.createNotStarted("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
    }

    /** Axon times each unit of work, warning after 10 s and interrupting after 60 s, but not each handler in it. */
    @Test
    void unitsOfWorkAreTimedButNotEachHandler(@Autowired TimeoutProperties timeouts) {
        assertThat(timeouts.isEnabled()).isTrue();
        TimeoutProperties.TransactionTimeoutProperties units = timeouts.getTransaction();
        for (TaskTimeoutSettings unit : List.of(units.getCommandBus(), units.getEventProcessors())) {
            assertThat(unit.getTimeoutMs()).isEqualTo(60_000);
            assertThat(unit.getWarningThresholdMs()).isEqualTo(10_000);
        }
        TimeoutProperties.MessageHandlerTimeoutProperties handlers = timeouts.getHandler();
        for (TaskTimeoutSettings handler : List.of(handlers.getCommands(), handlers.getEvents(), handlers.getQueries(),
                                                   handlers.getDeadlines())) {
            assertThat(handler.getTimeoutMs()).isNegative();
            assertThat(handler.getWarningThresholdMs()).isNegative();
        }
    }

    /** The processors of the deadlines, and only they, let events gather between batches that were not full. */
    @Test
    void theDeadlinesProcessorsLingerBetweenBatches(@Autowired EventProcessingConfiguration processing) {
        for (String group : List.of("deadlines", "referral-deadlines", "transfer-deadlines", "inbox", "directory")) {
            List<String> interceptors = processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow()
                    .getHandlerInterceptors().stream().map(interceptor -> interceptor.getClass().getSimpleName())
                    .toList();
            if (group.endsWith("deadlines")) {
                assertThat(interceptors).as(group).containsOnlyOnce("BatchLinger");
            } else {
                assertThat(interceptors).as(group).doesNotContain("BatchLinger");
            }
        }
    }

    private void assertThatConnectionFails(String username) throws Exception {
        boolean refused;
        try (Officer agency = Officer.connect(port, username)) {
            refused = agency.refused();
        } catch (ExecutionException e) {
            refused = true; // the ERROR frame arrived before the connection was established
        }
        assertThat(refused).isTrue();
    }

    /** Connects an officer and confirms with probe alerts that its subscription is live. */
    private Officer live(String username, String member) throws Exception {
        Officer officer = Officer.connect(port, username).subscribe("/user/queue/alerts");
        officers.add(officer);
        awaitLive(officer, member);
        return officer;
    }

    private void awaitLive(Officer officer, String member) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            raise("TM-DEMO", List.of(member), "probe");
            if (officer.next(1) != null) {
                officer.alerts.clear();
                return;
            }
        }
        throw new AssertionError("an officer of " + member + " received no probe alert");
    }

    private JsonNode raise(String agency, List<String> addressees, String title) {
        NetworkClient.Reply reply = api.raise(agency, addressees, title);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private JsonNode inbox(String username) {
        NetworkClient.Reply reply = api.get("/api/v1/inbox?size=200", username);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The inbox shows what was raised shortly after; the projection follows the log asynchronously. */
    private void awaitInInbox(String username, String alertId) {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (inboxIds(username).contains(alertId)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("alert " + alertId + " never reached the inbox of " + username);
    }

    private List<String> inboxIds(String username) {
        return inbox(username).get("alerts").findValuesAsText("alertId");
    }

    private static void assertProblem(NetworkClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo(type);
        assertThat(reply.json().get("detail").asText()).isNotBlank();
    }
}
