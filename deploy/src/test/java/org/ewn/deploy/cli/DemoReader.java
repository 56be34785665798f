package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads from the shared demo network over HTTP as one of its demo accounts, or as nobody. */
final class DemoReader {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String hub;

    DemoReader(String hub) {
        this.hub = hub;
    }

    /** @param user a demo account, or null for none */
    HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + AuditCliIT.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The alert's detail as the user's member sees it, once its inbox has it. */
    JsonNode awaitDetail(String alertId, String user) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> detail = get("/api/v1/inbox/alerts/" + alertId, user);
            if (detail.statusCode() == 200) {
                return Json.MAPPER.readTree(detail.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("alert " + alertId + " never reached " + user);
    }
}
