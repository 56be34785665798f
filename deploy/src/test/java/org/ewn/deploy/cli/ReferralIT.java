package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referrals over the real API and client: KZ-DEMO refers a child to UZ-DEMO, which accepts, works and closes it; a
 * third member sees nothing of it; a revoked referral ends UZ's access to the person at once; consent that does not
 * hold is refused and leaves nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + AuditCliIT.DEMO_PASSWORD})
class ReferralIT {

    private static final Path DATA = Path.of("target/it-data/network");
    private static final Path PKI = DATA.resolve("demo-pki");
    private static final String CHILD = "Aisha Referralitova";
    private static final String ADULT = "Madina Revokedova";

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private Terminal terminal;
    private String hub;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        hub = "http://127.0.0.1:" + port;
        terminal = Terminal.withPassword(AuditCliIT.DEMO_PASSWORD).variable("EWN_PASSWORD", AuditCliIT.DEMO_PASSWORD);
    }

    @Test
    void aChildIsReferredAcceptedWorkedAndClosedWhileAThirdMemberSeesNothing() throws Exception {
        String referral = submit(referralFile(CHILD, null, childConsent(true, "Returned with her mother; needs "
                + "trauma care near her family")));

        JsonNode received = await(referral, "uz-officer", d -> true);
        assertThat(received.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(received.get("box").asText()).isEqualTo("RECEIVED");
        assertThat(received.get("shared").asBoolean()).isTrue();
        assertThat(received.get("subject").get("personalData").get("name").asText()).isEqualTo(CHILD);
        assertThat(received.get("summary").asText()).isEqualTo("Needs psychosocial support and a school place");
        assertThat(received.get("consent").get("bestInterestsNote").asText()).contains("trauma care");
        assertThat(received.get("acceptBy").asText()).isNotBlank();

        assertThat(get("/api/v1/referrals/" + referral, "tj-officer").statusCode()).isEqualTo(404);
        JsonNode tjList = Json.MAPPER.readTree(get("/api/v1/referrals", "tj-officer").body());
        assertThat(tjList.get("referrals")).isEmpty();
        assertThat(tjList.get("total").asLong()).isZero();
        assertThat(ids(get("/api/v1/referrals?box=RECEIVED", "uz-officer").body())).contains(referral);
        assertThat(ids(get("/api/v1/referrals?box=SENT", "kz-officer").body())).contains(referral);
        assertThat(get("/api/v1/referrals", "uz-officer").body()).as("a list never shows the person")
                .doesNotContain(CHILD);

        Terminal.Result byThird = step("TJ-DEMO", "accept", referral);
        assertThat(byThird.exitCode()).isEqualTo(1);
        assertThat(byThird.err()).contains("urn:ewn:problem:not-found");
        Terminal.Result byReferrer = step("KZ-DEMO", "accept", referral);
        assertThat(byReferrer.exitCode()).isEqualTo(1);
        assertThat(byReferrer.err()).contains("urn:ewn:problem:not-the-receiving-agency");
        Terminal.Result tooEarly = step("UZ-DEMO", "progress", referral);
        assertThat(tooEarly.err()).contains("urn:ewn:problem:invalid-state");

        assertSucceeded(step("UZ-DEMO", "accept", referral));
        assertSucceeded(step("UZ-DEMO", "progress", referral));
        assertSucceeded(step("UZ-DEMO", "close", referral, "--outcome", "SERVICE_DELIVERED", "--reason",
                             "Twelve counselling sessions held; enrolled at school"));

        JsonNode closed = await(referral, "kz-officer", d -> d.get("status").asText().equals("CLOSED"));
        List<String> statuses = new ArrayList<>();
        closed.get("history").forEach(s -> statuses.add(s.get("status").asText()));
        assertThat(statuses).containsExactly("SUBMITTED", "ACCEPTED", "IN_PROGRESS", "CLOSED");
        assertThat(closed.get("history").get(3).get("outcome").asText()).isEqualTo("SERVICE_DELIVERED");
        assertThat(closed.get("history").get(3).get("agency").asText()).isEqualTo("UZ-DEMO");
        assertThat(step("KZ-DEMO", "revoke", referral, "--reason", "too late").err())
                .as("a closed referral is final").contains("urn:ewn:problem:invalid-state");

        Terminal.Result shown = terminal.run("referral", "show", "--hub", hub, "--user", "uz-officer",
                "--referral", referral);
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(Json.MAPPER.readTree(shown.out()).get("status").asText()).isEqualTo("CLOSED");
        assertThat(ids(get("/api/v1/referrals?status=CLOSED", "uz-officer").body())).contains(referral);
        assertThat(ids(get("/api/v1/referrals?status=SUBMITTED,ACCEPTED", "uz-officer").body()))
                .doesNotContain(referral);
        assertThat(get("/api/v1/referrals?status=LOST", "uz-officer").statusCode()).isEqualTo(400);

        HttpResponse<String> stream = get("/api/v1/audit/events?type=RecordViewed", "kz-auditor");
        assertThat(stream.statusCode()).as(stream.body()).isEqualTo(200);
        List<String> reads = stream.body().lines().filter(line -> line.contains("\"eventId\""))
                .map(line -> new String(Base64.getDecoder().decode(readTree(line).get("payload").asText()),
                                        StandardCharsets.UTF_8))
                .filter(payload -> payload.contains(referral)).toList();
        assertThat(reads).anySatisfy(r -> assertThat(r).contains("\"kind\":\"referral\"")
                .contains("\"username\":\"tj-officer\"").contains("\"shown\":false"));
        assertThat(reads).anySatisfy(r -> assertThat(r).contains("\"username\":\"uz-officer\"")
                .contains("\"shown\":true"));
    }

    private static JsonNode readTree(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void revokingEndsTheReceiversAccessAtOnceButNotTheReferrers() throws Exception {
        String referral = submit(referralFile(ADULT, null, adultConsent(Instant.now().plus(90, ChronoUnit.DAYS))));
        JsonNode before = await(referral, "uz-officer", d -> true);
        assertThat(before.get("subject").get("personalData").get("name").asText()).isEqualTo(ADULT);
        assertSucceeded(step("UZ-DEMO", "accept", referral));

        Terminal.Result byReceiver = step("UZ-DEMO", "revoke", referral, "--reason", "not ours to revoke");
        assertThat(byReceiver.err()).contains("urn:ewn:problem:not-the-referring-agency");
        assertSucceeded(step("KZ-DEMO", "withdraw-consent", referral, "--reason", "She withdrew her consent"));

        JsonNode after = await(referral, "uz-officer", d -> d.get("status").asText().equals("REVOKED"));
        assertThat(after.get("shared").asBoolean()).isFalse();
        assertThat(after.has("subject")).isFalse();
        assertThat(after.has("summary")).isFalse();
        assertThat(after.has("consent")).isFalse();
        assertThat(after.toString()).doesNotContain(ADULT);
        assertThat(after.get("history").get(2).get("cause").asText()).isEqualTo("CONSENT_WITHDRAWN");
        JsonNode referrer = Json.MAPPER.readTree(get("/api/v1/referrals/" + referral, "kz-officer").body());
        assertThat(referrer.get("subject").get("personalData").get("name").asText()).isEqualTo(ADULT);

        Terminal.Result late = step("UZ-DEMO", "progress", referral);
        assertThat(late.exitCode()).isEqualTo(1);
        assertThat(late.err()).contains("urn:ewn:problem:referral-revoked");
    }

    @Test
    void consentThatDoesNotHoldIsRefusedAndNothingOfThePersonIsKept() throws Exception {
        UUID expiredPerson = UUID.randomUUID();
        Terminal.Result expired = terminal.run("referral", "submit", file(referralFile("Expired Consentova",
                expiredPerson, adultConsent(Instant.now().minus(1, ChronoUnit.DAYS)))), "--hub", hub, "--key",
                PKI.resolve("KZ-DEMO.p12").toString());
        assertThat(expired.exitCode()).isEqualTo(1);
        assertThat(expired.err()).contains("urn:ewn:problem:consent-expired");
        assertThat(keyFile(expiredPerson)).doesNotExist();

        UUID child = UUID.randomUUID();
        Terminal.Result noGuardian = terminal.run("referral", "submit", file(referralFile("Unguarded Childova", child,
                childConsent(false, "in her interests"))), "--hub", hub, "--key", PKI.resolve("KZ-DEMO.p12").toString());
        assertThat(noGuardian.exitCode()).isEqualTo(1);
        assertThat(noGuardian.err()).contains("urn:ewn:problem:invalid-consent").contains("guardian");
        assertThat(keyFile(child)).doesNotExist();

        Terminal.Result noNote = terminal.run("referral", "submit", file(referralFile("Unnoted Childova", child,
                childConsent(true, null))), "--hub", hub, "--key", PKI.resolve("KZ-DEMO.p12").toString());
        assertThat(noNote.err()).contains("urn:ewn:problem:invalid-consent").contains("bestInterestsNote");
        assertThat(keyFile(child)).doesNotExist();
    }

    private String submit(String json) throws Exception {
        Terminal.Result submitted = terminal.run("referral", "submit", file(json), "--hub", hub, "--key",
                PKI.resolve("KZ-DEMO.p12").toString());
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        return Json.MAPPER.readTree(submitted.out().lines().findFirst().orElseThrow()).get("referralId").asText();
    }

    private Terminal.Result step(String agency, String step, String referral, String... more) {
        List<String> args = new ArrayList<>(List.of("referral", step, "--hub", hub, "--key",
                PKI.resolve(agency + ".p12").toString(), "--referral", referral));
        args.addAll(List.of(more));
        return terminal.run(args.toArray(String[]::new));
    }

    private static void assertSucceeded(Terminal.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("receipt verified");
    }

    private static String referralFile(String name, UUID subject, String consent) {
        return "{\"receivingAgency\": \"UZ-DEMO\", \"services\": [\"PSYCHOSOCIAL\", \"EDUCATION\"], "
                + "\"urgency\": \"URGENT\", \"summary\": \"Needs psychosocial support and a school place\", "
                + "\"consent\": " + consent + ", \"person\": {" + (subject == null ? "" : "\"subject\": \"" + subject
                + "\", ") + "\"name\": \"" + name + "\", \"dateOfBirth\": \"2015-03\", \"sex\": \"F\", "
                + "\"nationalities\": [\"KZ\"]}}";
    }

    private static String childConsent(boolean guardian, String note) {
        return "{\"consentedBy\": \"GUARDIAN\", \"purpose\": \"rehabilitation and reintegration\", "
                + "\"recipientKinds\": [\"SOCIAL_SERVICE\", \"EDUCATION_PROVIDER\"], \"validUntil\": \""
                + Instant.now().plus(180, ChronoUnit.DAYS) + "\", \"child\": true, \"guardianConsent\": " + guardian
                + (note == null ? "" : ", \"bestInterestsNote\": \"" + note + "\"") + "}";
    }

    private static String adultConsent(Instant validUntil) {
        return "{\"consentedBy\": \"SUBJECT\", \"purpose\": \"reintegration\", \"recipientKinds\": "
                + "[\"SOCIAL_SERVICE\"], \"validUntil\": \"" + validUntil + "\"}";
    }

    private String file(String json) throws Exception {
        Path file = dir.resolve(UUID.randomUUID() + ".json");
        Files.writeString(file, json);
        return file.toString();
    }

    private static Path keyFile(UUID subject) {
        return DATA.resolve("keys/subjects").resolve(subject.toString().substring(0, 2)).resolve(subject + ".keys");
    }

    private static List<String> ids(String page) throws Exception {
        List<String> ids = new ArrayList<>();
        Json.MAPPER.readTree(page).get("referrals").forEach(r -> ids.add(r.get("referralId").asText()));
        return ids;
    }

    private JsonNode await(String referral, String user, Predicate<JsonNode> until) throws Exception {
        JsonNode last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> detail = get("/api/v1/referrals/" + referral, user);
            if (detail.statusCode() == 200) {
                last = Json.MAPPER.readTree(detail.body());
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("referral " + referral + " never reached " + user + " as expected: " + last);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub + path)).GET().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + AuditCliIT.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
