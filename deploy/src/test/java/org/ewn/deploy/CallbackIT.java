package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.ewn.trust.Pem;
import org.ewn.trust.SignedEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agency registers a callback, and a real HTTP server on this machine receives the hub's signed notification of
 * each change of status of a case it is a party to: retried after failures, and still delivered after a restart.
 */
class CallbackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] QUICK_RETRIES = {"--ewn.callbacks.initial-delay=300ms",
            "--ewn.callbacks.multiplier=2", "--ewn.callbacks.poll-interval=100ms"};

    @Test
    void notificationsAreSignedRetriedUntilAcceptedAndSurviveARestart(@TempDir Path data) throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            TestCaseStatusChanged pending;
            try (ConfigurableApplicationContext network = start(data)) {
                NetworkClient api = client(network, data);
                Map<String, Object> body = Map.of("agency", "KZ-DEMO", "url", receiver.url());
                String envelope = api.signer("KZ-DEMO").sign("agency.callback", body);
                NetworkClient.Reply registered = api.submit("/api/v1/agencies/KZ-DEMO/callback", envelope);
                assertThat(registered.status()).as(registered.body()).isEqualTo(201);
                assertThat(registered.json().get("url").asText()).isEqualTo(receiver.url());
                NetworkClient.Reply repeated = api.submit("/api/v1/agencies/KZ-DEMO/callback", envelope);
                assertThat(repeated.status()).isEqualTo(200);
                assertThat(repeated.json().get("receipt")).isEqualTo(registered.json().get("receipt"));

                X509Certificate hub = Pem.readCertificates(
                        api.get("/api/v1/trust/hub-certificate", null).body()).get(0);
                EventGateway events = network.getBean(EventGateway.class);

                // delivered, signed by the hub, to the party that registered (UZ-DEMO has no callback)
                TestCaseStatusChanged submitted = TestCaseStatusChanged.of("SUBMITTED", "KZ-DEMO", "UZ-DEMO");
                events.publish(submitted);
                CallbackReceiver.Received first = receiver.next(15);
                assertThat(first).as("the notification reaches the callback").isNotNull();
                JsonNode notification = verified(first, hub);
                assertThat(notification.get("type").asText()).isEqualTo("notification");
                assertThat(notification.get("network").asText()).isEqualTo("EWN");
                assertThat(notification.get("caseKind").asText()).isEqualTo("REFERRAL");
                assertThat(notification.get("caseId").asText()).isEqualTo(submitted.caseId().toString());
                assertThat(notification.get("status").asText()).isEqualTo("SUBMITTED");
                assertThat(notification.get("at").asText()).isEqualTo(submitted.at().toString());
                assertThat(notification.get("globalIndex").asLong()).isPositive();
                assertThat(notification.get("notificationId").asText()).isEqualTo(first.notificationId());
                assertThat(receiver.next(2)).as("once: it was accepted").isNull();

                // two failures, then accepted on the third attempt, after the backoff
                receiver.failNext(2);
                TestCaseStatusChanged accepted = TestCaseStatusChanged.of("ACCEPTED", "UZ-DEMO", "KZ-DEMO");
                events.publish(accepted);
                List<CallbackReceiver.Received> attempts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    CallbackReceiver.Received attempt = receiver.next(15);
                    assertThat(attempt).as("attempt " + (i + 1)).isNotNull();
                    attempts.add(attempt);
                }
                assertThat(attempts).extracting(CallbackReceiver.Received::answered).containsExactly(500, 500, 200);
                assertThat(attempts).extracting(CallbackReceiver.Received::notificationId).containsOnly(
                        attempts.get(0).notificationId());
                assertThat(verified(attempts.get(2), hub).get("status").asText()).isEqualTo("ACCEPTED");
                assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                        .as("the first backoff").isGreaterThanOrEqualTo(Duration.ofMillis(250));
                assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
                        .as("the second, twice as long").isGreaterThanOrEqualTo(Duration.ofMillis(550));
                assertThat(receiver.next(2)).isNull();

                // the network stops while the receiver keeps failing
                receiver.failNext(1_000);
                pending = TestCaseStatusChanged.of("CLOSED", "KZ-DEMO");
                events.publish(pending);
                assertThat(receiver.next(15)).as("tried before the stop").isNotNull()
                        .extracting(CallbackReceiver.Received::answered).isEqualTo(500);
            }
            receiver.failNext(0);
            receiver.received.clear();

            try (ConfigurableApplicationContext network = start(data)) {
                X509Certificate hub = Pem.readCertificates(
                        client(network, data).get("/api/v1/trust/hub-certificate", null).body()).get(0);
                CallbackReceiver.Received afterRestart = receiver.next(20);
                assertThat(afterRestart).as("the pending notification after the restart").isNotNull();
                assertThat(afterRestart.answered()).isEqualTo(200);
                JsonNode delivered = verified(afterRestart, hub);
                assertThat(delivered.get("caseId").asText()).isEqualTo(pending.caseId().toString());
                assertThat(delivered.get("status").asText()).isEqualTo("CLOSED");
                assertThat(receiver.next(3)).as("nothing else, and the delivered ones not again").isNull();
            }
        }
    }

    @Test
    void onlyTheAgencyOrItsAdministratorsSetACallbackAndOnlyToAnAcceptableUrl(@TempDir Path data) throws Exception {
        try (ConfigurableApplicationContext network = start(data, "--ewn.callbacks.allow-insecure-localhost=false")) {
            NetworkClient api = client(network, data);
            NetworkClient.Reply insecure = api.submit("/api/v1/agencies/KZ-DEMO/callback", api.signer("KZ-DEMO")
                    .sign("agency.callback", Map.of("agency", "KZ-DEMO", "url", "http://127.0.0.1:9/hook")));
            assertThat(insecure.status()).isEqualTo(400);
            assertThat(insecure.json().get("type").asText()).isEqualTo("urn:ewn:problem:invalid-request");

            NetworkClient.Reply byAnother = api.submit("/api/v1/agencies/KZ-DEMO/callback", api.signer("UZ-DEMO")
                    .sign("agency.callback", Map.of("agency", "KZ-DEMO", "url", "https://kz.example/hook")));
            assertThat(byAnother.status()).isEqualTo(403);
            assertThat(byAnother.json().get("type").asText()).isEqualTo("urn:ewn:problem:not-entitled");

            NetworkClient.Reply byTheAdministrator = api.submit("/api/v1/agencies/KZ-DEMO/callback",
                    api.administrator().sign("agency.callback", Map.of("agency", "KZ-DEMO", "url",
                                                                       "https://kz.example/hook")));
            assertThat(byTheAdministrator.status()).as(byTheAdministrator.body()).isEqualTo(201);

            NetworkClient.Reply removed = api.submit("/api/v1/agencies/KZ-DEMO/callback", api.signer("KZ-DEMO")
                    .sign("agency.callback", Map.of("agency", "KZ-DEMO", "remove", true)));
            assertThat(removed.status()).as(removed.body()).isEqualTo(201);
            assertThat(removed.json().get("url").isNull()).isTrue();

            NetworkClient.Reply otherPath = api.submit("/api/v1/agencies/UZ-DEMO/callback", api.signer("KZ-DEMO")
                    .sign("agency.callback", Map.of("agency", "KZ-DEMO", "url", "https://kz.example/hook")));
            assertThat(otherPath.status()).isEqualTo(400);
        }
    }

    private static JsonNode verified(CallbackReceiver.Received received, X509Certificate hub) throws Exception {
        assertThat(received.contentType()).isEqualTo("application/jose");
        SignedEnvelope envelope = SignedEnvelope.parse(received.body());
        assertThat(envelope.verify(hub.getPublicKey())).as("signed with the hub's receipt key").isTrue();
        assertThat(envelope.type()).contains("ewn-notification+jws");
        return JSON.readTree(envelope.payload());
    }

    private static ConfigurableApplicationContext start(Path data, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--ewn.data.dir=" + data,
                "--ewn.demo.password=" + NetworkClient.DEMO_PASSWORD));
        arguments.addAll(List.of(QUICK_RETRIES));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(NetworkApplication.class).run(arguments.toArray(String[]::new));
    }

    private static NetworkClient client(ConfigurableApplicationContext network, Path data) {
        return new NetworkClient(Integer.parseInt(network.getEnvironment().getProperty("local.server.port")), data);
    }
}
