package org.ewn.deploy.benchmark;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A liaison officer's live connection, as in the deploy tests: STOMP over a real WebSocket to {@code /ws}, logged in
 * with HTTP Basic on the handshake. Each pushed alert is handed over with the moment it arrived, taken in the frame
 * handler so that no queueing on our side counts as latency.
 */
final class LiveOfficer implements AutoCloseable {

    private final WebSocketStompClient client;
    private final StompSession session;

    private LiveOfficer(WebSocketStompClient client, StompSession session) {
        this.client = client;
        this.session = session;
    }

    /** Connects and subscribes to the officer's alert queue; {@code onAlert} gets (arrival nanoTime, alert). */
    static LiveOfficer connect(int port, String authorization, BiConsumer<Long, Map<String, Object>> onAlert)
            throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new JacksonJsonMessageConverter());
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Authorization", authorization);
        StompSession session = client.connectAsync("ws://127.0.0.1:" + port + "/ws", handshake,
                                                   new StompSessionHandlerAdapter() {
                                                   }).get(10, TimeUnit.SECONDS);
        session.subscribe("/user/queue/alerts", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return Map.class;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void handleFrame(StompHeaders headers, Object payload) {
                onAlert.accept(System.nanoTime(), (Map<String, Object>) payload);
            }
        });
        return new LiveOfficer(client, session);
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
        client.stop();
    }
}
