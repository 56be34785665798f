package org.ewn.deploy;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A liaison officer's live connection: a real STOMP client over a real WebSocket to {@code /ws}. */
final class Officer implements AutoCloseable {

    /** New alerts pushed to this officer (messages of kind {@code raised}), as they arrive. */
    final BlockingQueue<Map<String, Object>> alerts = new LinkedBlockingQueue<>();
    /** Every pushed message, of any kind, as they arrive; read with {@link #nextMessage}. */
    final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
    /** Messages a test took from {@link #messages} and keeps for later assertions. */
    final List<Map<String, Object>> seen = new ArrayList<>();
    /** The MESSAGE frames behind {@link #messages}, headers and all, as they arrive. */
    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    /** The id of each subscription, by its destination. */
    final Map<String, String> subscriptions = new ConcurrentHashMap<>();
    /** Escalation notices, for a supervisor subscribed to {@code /user/queue/escalations}. */
    final BlockingQueue<Map<String, Object>> escalations = new LinkedBlockingQueue<>();
    /** ERROR frames and transport failures, as they happen. */
    final BlockingQueue<String> errors;
    /** A pushed message may repeat an alert's whole text and subjects: up to a signed submission's size. */
    private static final int LARGEST_MESSAGE = 2 * 1024 * 1024;

    private final WebSocketStompClient client;
    private final StompSession session;

    private Officer(WebSocketStompClient client, StompSession session, BlockingQueue<String> errors) {
        this.client = client;
        this.session = session;
        this.errors = errors;
    }

    /** Authenticates with HTTP Basic on the WebSocket handshake, as programs do. */
    static Officer connect(int port, String username) throws Exception {
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Authorization", NetworkClient.basic(username, NetworkClient.DEMO_PASSWORD));
        return connect(port, handshake, new StompHeaders());
    }

    /** Authenticates with the CONNECT frame's login and passcode headers, as browsers do. */
    static Officer connectWithLogin(int port, String username, String passcode) throws Exception {
        StompHeaders connect = new StompHeaders();
        connect.setLogin(username);
        connect.setPasscode(passcode);
        return connect(port, new WebSocketHttpHeaders(), connect);
    }

    /**
     * Connects as the console does in a browser: the session cookie on the handshake, from the given origin, and the
     * CSRF token (or none, if null) in the CONNECT frame.
     */
    static Officer connectAsBrowser(int port, Browser browser, String origin, String csrfToken) throws Exception {
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("Cookie", browser.cookieHeader());
        handshake.add("Origin", origin);
        StompHeaders connect = new StompHeaders();
        if (csrfToken != null) {
            connect.add("X-XSRF-TOKEN", csrfToken);
        }
        return connect(port, handshake, connect);
    }

    private static Officer connect(int port, WebSocketHttpHeaders handshake, StompHeaders connect) throws Exception {
        // a browser takes a message of any size; Tomcat's client, by default, none over 8 KB
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(LARGEST_MESSAGE);
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(LARGEST_MESSAGE);
        client.setMessageConverter(new JacksonJsonMessageConverter());
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        StompSession session = client.connectAsync("ws://127.0.0.1:" + port + "/ws", handshake, connect,
                new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        errors.add(String.valueOf(headers.getFirst("message")));
                    }

                    @Override
                    public void handleTransportError(StompSession s, Throwable exception) {
                        errors.add(String.valueOf(exception));
                    }
                }).get(10, TimeUnit.SECONDS);
        return new Officer(client, session, errors);
    }

    /**
     * Subscribes. The broker registers the subscription asynchronously, so tests confirm that it is
     * live with a probe alert before they rely on it (see {@link #next}).
     */
    Officer subscribe(String destination) {
        return subscribe(destination, Map.of());
    }

    /** Subscribes with extra SUBSCRIBE headers, such as {@code last-position}. */
    Officer subscribe(String destination, Map<String, String> headers) {
        StompHeaders subscribe = new StompHeaders();
        subscribe.setDestination(destination);
        headers.forEach(subscribe::add);
        StompSession.Subscription subscription = session.subscribe(subscribe, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return Map.class;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void handleFrame(StompHeaders headers, Object payload) {
                Map<String, Object> message = (Map<String, Object>) payload;
                if (destination.endsWith("/escalations")) {
                    escalations.add(message);
                    return;
                }
                frames.add(new Frame(headers, message));
                messages.add(message);
                if ("raised".equals(message.getOrDefault("kind", "raised"))) {
                    alerts.add(message);
                }
            }
        });
        subscriptions.put(destination, subscription.getSubscriptionId());
        return this;
    }

    /** A pushed MESSAGE frame: its STOMP headers and its JSON body. */
    record Frame(StompHeaders headers, Map<String, Object> message) {
    }

    /** The next pushed alert, or null if none arrives within the given seconds. */
    Map<String, Object> next(int seconds) throws InterruptedException {
        return alerts.poll(seconds, TimeUnit.SECONDS);
    }

    /** The next pushed message of any kind, or null if none arrives within the given seconds. */
    Map<String, Object> nextMessage(int seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    boolean connected() {
        return session.isConnected();
    }

    /** Whether the server refused this session (an ERROR frame or a closed connection) within a few seconds. */
    boolean refused() throws InterruptedException {
        for (int wait = 0; wait < 50; wait++) {
            if (!errors.isEmpty() || !session.isConnected()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * Disconnects, unless the hub closed the connection first: after an ERROR frame it does so at any moment, and the
     * client may learn of it only when the DISCONNECT cannot be written. Either way the connection is gone.
     */
    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } catch (MessageDeliveryException closedByTheHub) {
            // nothing left to disconnect
        } finally {
            client.stop();
        }
    }
}
