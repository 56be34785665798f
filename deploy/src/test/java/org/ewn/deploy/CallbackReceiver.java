package org.ewn.deploy;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agency's callback endpoint: a real HTTP server on this machine that records every request and answers 500 for
 * as many requests as it is told to fail, 200 after.
 */
final class CallbackReceiver implements AutoCloseable {

    record Received(String notificationId, String contentType, String body, int answered, Instant at) {
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final HttpServer server;

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ewn/notifications", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int answer = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            received.add(new Received(exchange.getRequestHeaders().getFirst("Ewn-Notification-Id"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8),
                    answer, Instant.now()));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ewn/notifications";
    }

    /** The next requests answer 500, this many of them. */
    void failNext(int count) {
        failures.set(count);
    }

    Received next(int seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
