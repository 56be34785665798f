package org.ewn.deploy.benchmark;

import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A liaison officer's live connection, as in the deploy tests: STOMP over a real WebSocket to {@code /ws}, logged in
 * with HTTP Basic on the handshake. Each pushed alert's title is handed over with the moment its frame arrived, taken
 * in the frame handler so that no queueing on our side counts as latency. The title is all the benchmark needs, so it
 * is streamed out of the frame's JSON without building the whole alert. For many sessions at once, see
 * {@link StompSessions}.
 */
final class LiveOfficer implements AutoCloseable {

    /** Tomcat's client: milliseconds for each step of the handshake. */
    private static final String HANDSHAKE_TIMEOUT = "org.apache.tomcat.websocket.IO_TIMEOUT_MS";

    private final StompSession session;
    private final WebSocketStompClient client;

    private LiveOfficer(StompSession session, WebSocketStompClient client) {
        this.session = session;
        this.client = client;
    }

    /**
     * A STOMP client whose default converter hands each frame's body over as bytes, and whose handshake may take
     * 30 s instead of Tomcat's 5 s, as on a busy machine it can take longer.
     */
    private static WebSocketStompClient client() {
        StandardWebSocketClient webSocket = new StandardWebSocketClient();
        webSocket.setUserProperties(Map.of(HANDSHAKE_TIMEOUT, "30000"));
        return new WebSocketStompClient(webSocket);
    }

    /**
     * Connects on a client of its own and subscribes to the officer's alert queue; {@code onAlert} gets (arrival
     * nanoTime, title). The broker registers the subscription some time after this returns.
     */
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
                byte[] json = (byte[]) payload;
                onAlert.accept(arrived, StompSessions.title(json, 0, json.length));
            }
        });
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
        client.stop();
    }
}
