package org.ewn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console's browser, as far as the server can tell: a cookie jar, JSON requests, and the CSRF token read from the
 * {@code XSRF-TOKEN} cookie and echoed in {@code X-XSRF-TOKEN}, as the console's script does.
 */
final class Browser {

    private static final ObjectMapper JSON = new ObjectMapper();

    final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;

    Browser(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Reads the session, which also sets the CSRF cookie, then signs in with it. */
    Reply signIn(String username, String password) {
        get("/api/v1/session");
        return send("POST", "/api/v1/session", json(Map.of("username", username, "password", password)), true);
    }

    Reply get(String path) {
        return send("GET", path, null, false);
    }

    Reply send(String method, String path, String jsonBody, boolean withCsrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        request.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        String token = cookie("XSRF-TOKEN");
        if (withCsrfToken && token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** The Cookie header this browser sends, for a WebSocket handshake. */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Keeps only the session cookie, as another browser that stole or was planted with it would. */
    void setSessionCookie(String sessionId) {
        HttpCookie cookie = new HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String body, Map<String, List<String>> headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }
    }
}
