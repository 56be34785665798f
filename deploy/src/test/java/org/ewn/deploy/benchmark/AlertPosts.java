package org.ewn.deploy.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An agency's system posting signed {@code alert.raise} submissions to {@code /api/v1/alerts}, asynchronously, so a
 * slow answer delays no later alert and the figures are not flattered by a sender that waits.
 */
final class AlertPosts {

    /**
     * Completions run on the client's selector thread rather than on a pool it hands each one to: with that pool the
     * client used about 0.7 ms of CPU a post, beside the hub. What runs there only notes the answer.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .executor(Runnable::run).build();
    private final URI alerts;

    AlertPosts(int port) {
        this.alerts = URI.create("http://127.0.0.1:" + port + "/api/v1/alerts");
    }

    /** An alert.raise body as an agency's system sends it, still to be addressed. */
    static Map<String, Object> body(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("precedence", "FLASH");
        body.put("category", "OTHER");
        body.put("title", title);
        body.put("text", "Benchmark alert");
        return body;
    }

    /** HTTP Basic for a demo account, which only the officers' WebSocket handshake uses. */
    static String basic(String username) {
        byte[] credentials = (username + ":" + AllInOne.PASSWORD).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials);
    }

    /** Posts on the alert's schedule and tells it when the hub answered, and whether with 201 Created. */
    void send(FixedRateAlerts.Sent alert) {
        post(alert.envelope()).whenComplete((response, failure) -> alert.answered(
                failure == null && response.statusCode() == 201, System.nanoTime()));
    }

    /** A signed submission needs no account: the signature says which agency submits. */
    CompletableFuture<HttpResponse<Void>> post(String envelope) {
        HttpRequest request = HttpRequest.newBuilder(alerts)
                                         .header("Content-Type", "application/jose")
                                         .POST(HttpRequest.BodyPublishers.ofString(envelope))
                                         .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }
}
