package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The agency API's generic parts on a network of its own, with a low rate limit: per-agency rates with 429 and
 * Retry-After, live cases for the officers of a case's members only, and the API description of signed bodies.
 */
class AgencyApiIT {

    @TempDir
    static Path data;
    private static ConfigurableApplicationContext network;
    private static NetworkClient api;
    private static int port;

    @BeforeAll
    static void start() {
        network = new SpringApplicationBuilder(NetworkApplication.class).run("--server.port=0",
                "--ewn.data.dir=" + data, "--ewn.demo.password=" + NetworkClient.DEMO_PASSWORD,
                "--ewn.rate-limit.per-second=1", "--ewn.rate-limit.burst=3");
        port = Integer.parseInt(network.getEnvironment().getProperty("local.server.port"));
        api = new NetworkClient(port, data);
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    @Test
    void anAgencyOverItsRateIsToldToRetryAfterAWhileAndIsThenAccepted() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> refused = null;
        String refusedEnvelope = null;
        int accepted = 0;
        for (int i = 0; i < 10 && refused == null; i++) {
            String envelope = callback("TJ-DEMO", "https://tj.example/hook/" + i);
            HttpResponse<String> answer = post(http, envelope);
            if (answer.statusCode() == 429) {
                refused = answer;
                refusedEnvelope = envelope;
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                accepted++;
            }
        }
        assertThat(accepted).as("the burst").isGreaterThanOrEqualTo(3);
        assertThat(refused).as("refused once over the rate").isNotNull();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("urn:ewn:problem:too-many-requests");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);

        NetworkClient.Reply otherAgency = api.submit("/api/v1/agencies/KG-DEMO/callback",
                callback("KG-DEMO", "https://kg.example/hook"));
        assertThat(otherAgency.status()).as("another agency has its own allowance").isEqualTo(201);

        Thread.sleep(retryAfter * 1000);
        HttpResponse<String> again = post(http, refusedEnvelope);
        assertThat(again.statusCode()).as("nothing was recorded the first time: " + again.body()).isEqualTo(201);
    }

    @Test
    void officersOfACasesMembersSeeItChangeLiveAndOthersDoNot() throws Exception {
        EventGateway events = network.getBean(EventGateway.class);
        try (Officer kz = Officer.connect(port, "kz-officer").subscribe("/user/queue/cases");
             Officer uz = Officer.connect(port, "uz-officer").subscribe("/user/queue/cases")) {
            awaitProbe(events, kz, uz);

            TestCaseStatusChanged accepted = TestCaseStatusChanged.of("ACCEPTED", "KZ-DEMO", "KG-DEMO");
            events.publish(accepted);
            Map<String, Object> message = kz.nextMessage(10);
            assertThat(message).as("the officer of a party's member").isNotNull()
                    .containsEntry("kind", "REFERRAL")
                    .containsEntry("caseId", accepted.caseId().toString())
                    .containsEntry("status", "ACCEPTED")
                    .containsEntry("at", accepted.at().toString())
                    .containsKey("position");
            assertThat(message).containsOnlyKeys("kind", "caseId", "status", "position", "at");

            TestCaseStatusChanged forUz = TestCaseStatusChanged.of("DECLINED", "UZ-DEMO");
            events.publish(forUz);
            Map<String, Object> uzNext = uz.nextMessage(10);
            assertThat(uzNext).as("UZ's next message is its own case, not KZ's and KG's").isNotNull()
                    .containsEntry("caseId", forUz.caseId().toString());
            assertThat(kz.nextMessage(1)).as("nor does KZ see UZ's").isNull();
        }
        assertThatThrownBy(() -> Officer.connect(port, "kz-agency").close())
                .as("an agency account receives nothing live").hasStackTraceContaining("Connection closed");
    }

    @Test
    void theApiDescriptionShowsTheCallbackEndpointAndAnExampleForEverySignedBody() {
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        JsonNode callback = paths.get("/api/v1/agencies/{agency}/callback").get("post");
        assertThat(callback.get("summary").asText()).contains("agency.callback");
        assertThat(callback.at("/requestBody/content/application~1jose/examples/agency.callback/value").asText())
                .startsWith("eyJ");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode jose = operation.getValue().at("/requestBody/content/application~1jose");
            if (!jose.isMissingNode()) {
                assertThat(jose.has("example") || jose.has("examples") || jose.at("/schema/example").isTextual())
                        .as(operation.getKey() + " " + path.getKey()).isTrue();
            }
        }));
    }

    /** Subscriptions register asynchronously: a case of both members is published until both have seen one. */
    private static void awaitProbe(EventGateway events, Officer... officers) throws InterruptedException {
        for (Officer officer : officers) {
            boolean seen = false;
            for (int attempt = 0; attempt < 50 && !seen; attempt++) {
                events.publish(TestCaseStatusChanged.of("PROBE", "KZ-DEMO", "UZ-DEMO"));
                seen = officer.nextMessage(1) != null;
            }
            assertThat(seen).as("the subscription went live").isTrue();
        }
        Thread.sleep(500);
        for (Officer officer : officers) {
            officer.messages.clear();
        }
    }

    private static String callback(String agency, String url) {
        return api.signer(agency).sign("agency.callback", UUID.randomUUID(), NetworkClient.now(),
                                       Map.of("agency", agency, "url", url));
    }

    private static HttpResponse<String> post(HttpClient http, String envelope) throws Exception {
        String agency = "TJ-DEMO";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agencies/" + agency
                        + "/callback")).header("Content-Type", "application/jose")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
