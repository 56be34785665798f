package org.ewn.deploy.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The hub's HTTP API as the client uses it: post a signed envelope, fetch a published certificate. */
final class HubClient {

    static final String JOSE = "application/jose";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    /** An {@code Authorization} header value for reads that need an account, or null. */
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HubClient(String hub) {
        this(hub, null);
    }

    /**
     * A client reading as an account, whose password comes from an environment variable: never from the command line,
     * where other users of the machine could see it.
     */
    static HubClient asAccount(String hub, CliEnvironment environment, String user, String passwordVariable) {
        String password = environment.variable(passwordVariable);
        if (password == null || password.isEmpty()) {
            throw new CliFailure("no password for " + user + ": set the environment variable " + passwordVariable);
        }
        return new HubClient(hub, "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    HubClient(String hub, String authorization) {
        this.authorization = authorization;
        URI uri;
        try {
            uri = URI.create(hub);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("--hub is not a URL: " + hub);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw CliFailure.usage("--hub must be an http or https URL such as http://localhost:8080, not " + hub);
        }
        this.base = hub.endsWith("/") ? hub.substring(0, hub.length() - 1) : hub;
    }

    /** @param contentType without parameters, lower case; empty if the hub sent none */
    record Answer(int status, String contentType, String body) {

        boolean accepted() {
            return status == 200 || status == 201;
        }
    }

    Answer post(String path, String envelope) {
        return post(path, envelope, JOSE);
    }

    /** Posts a body of the given type, such as a signed submission with the keys of its personal data. */
    Answer post(String path, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    /** A text the hub publishes, such as its certificate; anything but 200 is a failure. */
    String get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Answer answer = send(request.build());
        if (answer.status() != 200) {
            throw new CliFailure("the hub answered " + answer.status() + " for GET " + path + ": "
                    + excerpt(answer.body()));
        }
        return answer.body();
    }

    /** A streamed answer, line by line, such as the audit log's NDJSON; anything but 200 is a failure. */
    java.util.stream.Stream<String> lines(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join(" ", response.body().limit(5).toList());
                throw new CliFailure("the hub answered " + response.statusCode() + " for GET " + path + ": "
                        + excerpt(body));
            }
            return response.body();
        } catch (ConnectException e) {
            throw new CliFailure("cannot reach the hub at " + base + ": connection refused", e);
        } catch (IOException e) {
            throw new CliFailure("cannot talk to the hub at " + base + ": " + ErrorHandlers.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted while waiting for the hub", e);
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            int semicolon = contentType.indexOf(';');
            return new Answer(response.statusCode(),
                    (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(),
                    response.body());
        } catch (ConnectException e) {
            throw new CliFailure("cannot reach the hub at " + base + ": connection refused", e);
        } catch (HttpTimeoutException e) {
            throw new CliFailure("the hub at " + base + " did not answer in time (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new CliFailure("cannot talk to the hub at " + base + ": " + ErrorHandlers.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted while waiting for the hub", e);
        }
    }

    static String excerpt(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
