package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyStores;
import org.ewn.trust.SubmissionSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain HTTP client of the network's API, as an agency's system would be: it signs its submissions with the demo
 * agency keys the network set up in its data directory, and reads with an account's credentials.
 */
final class NetworkClient {

    static final String DEMO_PASSWORD = "demo-password-for-tests";
    static final String NETWORK = "EWN";
    static final String JOSE = "application/jose";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Path dataDir;
    private final Map<String, SubmissionSigner> signers = new ConcurrentHashMap<>();

    NetworkClient(int port, Path dataDir) {
        this.base = "http://127.0.0.1:" + port;
        this.dataDir = dataDir;
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The signing key the demo network made for an agency, such as {@code KZ-DEMO}. */
    IssuedKey key(String agency, String alias) {
        try {
            return KeyStores.load(dataDir.resolve("demo-pki").resolve(agency + ".p12"), DEMO_PASSWORD.toCharArray())
                            .get(alias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo network's root CA, from its data directory. */
    IssuedKey root() {
        return demoKey("root", "root");
    }

    /** Signs as the demo network's administrator, {@code EWN-ADMIN}. */
    SubmissionSigner administrator() {
        return new SubmissionSigner(demoKey("EWN-ADMIN", "signing"), NETWORK);
    }

    private IssuedKey demoKey(String file, String alias) {
        try {
            return KeyStores.load(dataDir.resolve("demo-pki").resolve(file + ".p12"), DEMO_PASSWORD.toCharArray())
                            .get(alias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs as the agency with this key rather than a demo key. */
    NetworkClient signingAs(String agency, IssuedKey key) {
        signers.put(agency, new SubmissionSigner(key, NETWORK));
        return this;
    }

    SubmissionSigner signer(String agency) {
        return signers.computeIfAbsent(agency, a -> new SubmissionSigner(key(a, "signing"), NETWORK));
    }

    /** Signs an alert as the agency and submits it. */
    Reply raise(String agency, UUID submissionId, Map<String, Object> body) {
        return submit("/api/v1/alerts", signer(agency).sign("alert.raise", submissionId, now(), body));
    }

    Reply raise(String agency, List<String> addressees, String title) {
        return raise(agency, UUID.randomUUID(), alert(addressees, title));
    }

    /** Posts a signed envelope, without any account: the signature says who submits. */
    Reply submit(String path, String envelope) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                               .header("Content-Type", JOSE)
                               .POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
    }

    Reply post(String path, String username, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (username != null) {
            request.header("Authorization", basic(username, DEMO_PASSWORD));
        }
        return send(request.build());
    }

    Reply get(String path, String username) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (username != null) {
            request.header("Authorization", basic(username, DEMO_PASSWORD));
        }
        return send(request.build());
    }

    static Map<String, Object> alert(List<String> addressees, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("addressees", addressees);
        body.put("precedence", "FLASH");
        body.put("category", "MISSING_OR_AT_RISK_CHILD");
        body.put("title", title);
        body.put("text", "Seen near the border crossing");
        return body;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}
