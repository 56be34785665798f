package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.ewn.trust.Digests;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.Pem;
import org.ewn.trust.SignedEnvelope;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server standing in for the hub: it records every request and, unless told otherwise, accepts a
 * submission with a receipt signed by the hub key, as the real hub does. It publishes the hub's chain at the
 * path the real hub uses.
 */
final class FakeHub implements AutoCloseable {

    record Request(String method, String path, String contentType, String body) {
    }

    record Response(int status, String contentType, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final IssuedKey hubKey;
    private volatile Function<Request, Response> answer;

    FakeHub(IssuedKey hubKey) throws IOException {
        this.hubKey = hubKey;
        this.answer = request -> accepted(request, hubKey, 201, null);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answerWith(Function<Request, Response> answer) {
        this.answer = answer;
    }

    /** The posts, leaving out the fetches of the hub's certificate. */
    List<Request> submissions() {
        return requests.stream().filter(r -> r.method().equals("POST")).toList();
    }

    /** The hub's answer to an accepted submission, its receipt signed by {@code signer}. */
    static Response accepted(Request request, IssuedKey signer, int status, String contentHash) {
        SignedEnvelope envelope = SignedEnvelope.parse(request.body());
        ObjectNode content = Json.parseObject(envelope.payload(), "the submission");
        String submissionId = content.get("submissionId").textValue();
        ObjectNode receipt = Json.object()
                .put("type", "receipt")
                .put("network", "EWN")
                .put("submissionId", submissionId)
                .put("contentHash", contentHash != null ? contentHash : Digests.sha256Hex(envelope.payload()))
                .put("globalIndex", 42)
                .put("eventHash", "00".repeat(32))
                .put("receivedAt", java.time.Instant.now().toString());
        String signed = SignedEnvelope.sign(Json.canonical(receipt), KeyIds.of(signer.certificate().getPublicKey()),
                Receipts.HEADER_TYPE, signer.privateKey());
        ObjectNode answer = Json.object().put("submissionId", submissionId)
                .put("type", content.get("type").textValue()).put("receipt", signed);
        return new Response(status, "application/json", answer.toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body);
        requests.add(request);
        Response response;
        if (request.method().equals("GET") && request.path().equals(HubOptions.HUB_CERTIFICATE_PATH)) {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(hubKey.certificate());
            chain.addAll(hubKey.chain());
            response = new Response(200, "application/x-pem-file", Pem.writeCertificates(chain));
        } else {
            response = answer.apply(request);
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
