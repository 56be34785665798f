package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client of the network's API, as an agency's system would be. */
final class NetworkClient {

    static final String DEMO_PASSWORD = "demo-password-for-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    NetworkClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String path, String username, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
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

    static String alert(UUID submissionId, List<String> addressees, String title) {
        try {
            return JSON.writeValueAsString(Map.of(
                    "submissionId", submissionId.toString(),
                    "addressees", addressees,
                    "precedence", "FLASH",
                    "category", "MISSING_OR_AT_RISK_CHILD",
                    "title", title,
                    "text", "Seen near the border crossing"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
