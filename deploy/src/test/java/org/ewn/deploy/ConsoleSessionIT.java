package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in as a browser uses it: a cookie jar, the CSRF token echoed from its cookie, and the live
 * connection opened with the session's cookie. Shares the application of {@link NetworkIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + NetworkClient.DEMO_PASSWORD})
class ConsoleSessionIT {

    @LocalServerPort
    int port;

    private final List<Officer> officers = new ArrayList<>();

    @AfterEach
    void closeOfficers() {
        officers.forEach(Officer::close);
    }

    @Test
    void officerSignsInReadsTheInboxWithTheSessionAndSignsOut() {
        Browser browser = new Browser(port);
        Browser.Reply before = browser.get("/api/v1/session");
        assertProblem(before, 401, "urn:ewn:problem:unauthenticated");
        assertThat(before.headers()).as("no browser password dialog").doesNotContainKey("www-authenticate");
        String tokenBefore = browser.cookie("XSRF-TOKEN");
        assertThat(tokenBefore).as("the CSRF cookie, set for the sign-in").isNotBlank();
        assertThat(browser.get("/api/v1/inbox").status()).isEqualTo(401);

        Browser.Reply signedIn = browser.signIn("uz-officer", NetworkClient.DEMO_PASSWORD);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        JsonNode who = signedIn.json();
        assertThat(who.get("username").asText()).isEqualTo("uz-officer");
        assertThat(who.get("agency").asText()).isEqualTo("UZ-DEMO");
        assertThat(who.get("member").asText()).isEqualTo("UZ");
        assertThat(who.get("memberName").asText()).isEqualTo("Uzbekistan");
        assertThat(who.get("roles").toString()).isEqualTo("[\"OFFICER\"]");
        assertThat(who.get("timeoutSeconds").asInt()).as("ewn.console.session-timeout, 30m").isEqualTo(1800);
        String sessionCookie = signedIn.setCookies().stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        assertThat(browser.cookie("XSRF-TOKEN")).as("a new CSRF token for the signed-in session").isNotBlank()
                .isNotEqualTo(tokenBefore);
        assertThat(browser.get("/api/v1/inbox").status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/session").json().get("timeoutSeconds").asInt()).isEqualTo(1800);

        // signing out is a change, so it needs the token; without it nothing changes
        assertProblem(browser.send("DELETE", "/api/v1/session", null, false), 403, "urn:ewn:problem:csrf-token");
        assertThat(browser.get("/api/v1/inbox").status()).as("still signed in").isEqualTo(200);

        assertThat(browser.send("DELETE", "/api/v1/session", null, true).status()).isEqualTo(204);
        assertProblem(browser.get("/api/v1/inbox"), 401, "urn:ewn:problem:unauthenticated");
        assertProblem(browser.get("/api/v1/session"), 401, "urn:ewn:problem:unauthenticated");
    }

    @Test
    void signInWithoutTheCsrfTokenIsRefusedAndSignsNobodyIn() {
        Browser browser = new Browser(port);
        browser.get("/api/v1/session");
        Browser.Reply refused = browser.send("POST", "/api/v1/session",
                Browser.json(Map.of("username", "uz-officer", "password", NetworkClient.DEMO_PASSWORD)), false);
        assertProblem(refused, 403, "urn:ewn:problem:csrf-token");
        assertThat(refused.setCookies()).noneMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(browser.get("/api/v1/session").status()).isEqualTo(401);
    }

    @Test
    void unknownUserAndWrongPasswordGetTheSameAnswer() {
        Browser.Reply wrongPassword = new Browser(port).signIn("kz-officer", "not-the-password");
        Browser.Reply unknownUser = new Browser(port).signIn("nobody-" + UUID.randomUUID(), "not-the-password");
        assertProblem(wrongPassword, 401, "urn:ewn:problem:unauthenticated");
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(wrongPassword.setCookies()).noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void repeatedFailuresForAUsernameAreRefusedForAWhile() {
        String username = "guessed-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(new Browser(port).signIn(username, "guess-" + i).status()).isEqualTo(401);
        }
        Browser.Reply throttled = new Browser(port).signIn(username, "guess-5");
        assertProblem(throttled, 429, "urn:ewn:problem:too-many-attempts");
        assertThat(throttled.headers().get("retry-after")).singleElement()
                .satisfies(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(new Browser(port).signIn("kg-officer", NetworkClient.DEMO_PASSWORD).status())
                .as("other accounts sign in as before").isEqualTo(200);
    }

    @Test
    void signingInGivesANewSessionAndEndsTheEarlierOne() {
        Browser browser = new Browser(port);
        assertThat(browser.signIn("tj-officer", NetworkClient.DEMO_PASSWORD).status()).isEqualTo(200);
        String first = browser.cookie("JSESSIONID");
        assertThat(browser.signIn("tj-supervisor", NetworkClient.DEMO_PASSWORD).status()).isEqualTo(200);
        String second = browser.cookie("JSESSIONID");
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(browser.get("/api/v1/session").json().get("roles").toString())
                .isEqualTo("[\"OFFICER\",\"SUPERVISOR\"]");

        Browser planted = new Browser(port);
        planted.setSessionCookie(first);
        assertThat(planted.get("/api/v1/session").status()).as("the earlier session id is worthless").isEqualTo(401);
        Browser copied = new Browser(port);
        copied.setSessionCookie(second);
        assertThat(copied.get("/api/v1/session").json().get("username").asText()).isEqualTo("tj-supervisor");
    }

    @Test
    void theConsoleIsServedUnderAContentSecurityPolicyOfItsOwnOrigin() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self';").contains("connect-src 'self';").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
    }

    @Test
    void httpBasicCallersStayStateless() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/session"))
                .header("Authorization", NetworkClient.basic("kz-agency", NetworkClient.DEMO_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"username\":\"kz-agency\"").contains("\"timeoutSeconds\":null");
        assertThat(response.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        // a program still gets the Basic challenge
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/inbox")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("www-authenticate")).hasValue("Basic realm=\"ewn\"");
    }

    @Test
    void signedInConsoleReceivesAlertsLiveUntilItSignsOut() throws Exception {
        NetworkClient api = new NetworkClient(port, NetworkIT.DATA);
        Browser browser = new Browser(port);
        signIn(browser, "kg-officer");
        Officer console = Officer.connectAsBrowser(port, browser, origin(), browser.cookie("XSRF-TOKEN"))
                .subscribe("/user/queue/alerts");
        officers.add(console);
        Map<String, Object> received = null;
        for (int attempt = 0; attempt < 20 && received == null; attempt++) {
            assertThat(api.raise("TM-DEMO", List.of("KG"), "For Kyrgyzstan's console").status()).isEqualTo(201);
            received = console.next(1);
        }
        assertThat(received).isNotNull();
        assertThat(received.get("title")).isEqualTo("For Kyrgyzstan's console");

        assertThat(console.connected()).isTrue();
        assertThat(console.errors).isEmpty();
        assertThat(browser.send("DELETE", "/api/v1/session", null, true).status()).isEqualTo(204);
        assertThat(console.refused()).as("the live connection ends with the session").isTrue();
    }

    @Test
    void liveConnectionFromAnotherOriginIsRefused() {
        Browser browser = new Browser(port);
        signIn(browser, "kg-officer");
        assertThat(refused(() -> Officer.connectAsBrowser(port, browser, "http://evil.example",
                browser.cookie("XSRF-TOKEN")))).isTrue();
    }

    @Test
    void sessionConnectWithoutTheCsrfTokenIsRefused() throws Exception {
        Browser browser = new Browser(port);
        signIn(browser, "kg-officer");
        assertThat(refused(() -> Officer.connectAsBrowser(port, browser, origin(), null))).isTrue();
        assertThat(refused(() -> Officer.connectAsBrowser(port, browser, origin(), "forged-token"))).isTrue();
        // the same session with its token connects, so the refusals were the token's
        try (Officer console = Officer.connectAsBrowser(port, browser, origin(), browser.cookie("XSRF-TOKEN"))) {
            assertThat(console.refused()).isFalse();
        }
    }

    private static void signIn(Browser browser, String username) {
        Browser.Reply reply = browser.signIn(username, NetworkClient.DEMO_PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }

    private interface Connection {
        Officer open() throws Exception;
    }

    private static boolean refused(Connection connection) {
        try (Officer officer = connection.open()) {
            return officer.refused();
        } catch (ExecutionException e) {
            return true; // the handshake failed, or the ERROR frame came before the connection was established
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertProblem(Browser.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().get("content-type")).singleElement().asString()
                .startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo(type);
    }
}
