package org.ewn.deploy.benchmark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A liaison officer's live connection, as in the deploy tests: STOMP over a real WebSocket to {@code /ws}, logged in
 * with HTTP Basic on the handshake. Each pushed alert's title is handed over with the moment its frame arrived, taken
 * in the frame handler so that no queueing on our side counts as latency. Many sessions can share one
 * {@link #client()}. The title is all the benchmark needs, so it is streamed out of the frame's JSON without building
 * the whole alert: where the clients share the server's CPU, the less they use, the more the figures are the server's.
 */
final class LiveOfficer implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();
    /** Tomcat's client: milliseconds for each step of the handshake. */
    private static final String HANDSHAKE_TIMEOUT = "org.apache.tomcat.websocket.IO_TIMEOUT_MS";

    private final StompSession session;
    /** Stopped with the session when the session has it to itself. */
    private final WebSocketStompClient ownClient;

    private LiveOfficer(StompSession session, WebSocketStompClient ownClient) {
        this.session = session;
        this.ownClient = ownClient;
    }

    /**
     * A STOMP client for any number of sessions; its sessions' frames are read on Tomcat's shared I/O threads. Its
     * default converter hands each frame's body over as bytes. Its handshakes may take 30 s instead of Tomcat's 5 s,
     * as many at once on a busy machine can take longer.
     */
    static WebSocketStompClient client() {
        StandardWebSocketClient webSocket = new StandardWebSocketClient();
        webSocket.setUserProperties(Map.of(HANDSHAKE_TIMEOUT, "30000"));
        return new WebSocketStompClient(webSocket);
    }

    /** Connects on a client of its own and subscribes to the officer's alert queue; {@code onAlert} as below. */
    static LiveOfficer connect(int port, String authorization, BiConsumer<Long, String> onAlert)
            throws Exception {
        WebSocketStompClient client = client();
        StompSession session;
        try {
            session = connect(client, port, authorization).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.stop();
            throw e;
        }
        subscribe(session, onAlert);
        return new LiveOfficer(session, client);
    }

    /**
     * Connects on a shared client and subscribes; {@code onAlert} gets (arrival nanoTime, title). The broker
     * registers the subscription some time after this completes.
     */
    static CompletableFuture<LiveOfficer> connect(WebSocketStompClient client, int port, String authorization,
                                                  BiConsumer<Long, String> onAlert) {
        return connect(client, port, authorization).thenApply(session -> {
            subscribe(session, onAlert);
            return new LiveOfficer(session, null);
        });
    }

    private static CompletableFuture<StompSession> connect(WebSocketStompClient client, int port,
                                                           String authorization) {
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Authorization", authorization);
        return client.connectAsync("ws://127.0.0.1:" + port + "/ws", handshake, new StompSessionHandlerAdapter() {
        });
    }

    private static void subscribe(StompSession session, BiConsumer<Long, String> onAlert) {
        session.subscribe("/user/queue/alerts", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                long arrived = System.nanoTime();
                onAlert.accept(arrived, title((byte[]) payload));
            }
        });
    }

    /** The top-level {@code title} of a pushed alert; null for a message without one. */
    static String title(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("title")) {
                    return parser.getValueAsString();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("A pushed frame is not JSON", e);
        }
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
        if (ownClient != null) {
            ownClient.stop();
        }
    }
}
