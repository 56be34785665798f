package org.ewn.query.push;

import jakarta.websocket.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The WebSocket connections at {@code /ws}, by session id, each of which takes one frame at a time from whoever
 * sends: the STOMP handler (CONNECTED, RECEIPT, ERROR) and live push ({@link SessionFrames}), which writes its frames
 * as text it built itself rather than through the STOMP handler and the client outbound channel. A connection writes
 * each frame whole before the next, as the WebSocket container requires of its blocking sends.
 */
@Component
class PushConnections implements WebSocketHandlerDecoratorFactory {

    /**
     * The container's limit on one blocking send, in milliseconds (Tomcat's, 20 s unless set; other containers
     * ignore it): a client that takes no frame for that long is disconnected, and resumes from its position.
     */
    static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final long sendTimeoutMillis;

    PushConnections(PushProperties properties) {
        this.sendTimeoutMillis = properties.sendTimeLimit().toMillis();
    }

    /** The open connection of this session, or null once it has closed. */
    Connection get(String sessionId) {
        return connections.get(sessionId);
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                Connection connection = new Connection(session);
                if (session instanceof NativeWebSocketSession nativeSession
                    && nativeSession.getNativeSession() instanceof Session container) {
                    container.getUserProperties().put(BLOCKING_SEND_TIMEOUT, sendTimeoutMillis);
                }
                connections.put(session.getId(), connection);
                super.afterConnectionEstablished(connection);
            }

            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                super.handleMessage(connection(session), message);
            }

            @Override
            public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
                super.handleTransportError(connection(session), exception);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                Connection connection = connections.remove(session.getId());
                super.afterConnectionClosed(connection == null ? session : connection, closeStatus);
            }
        };
    }

    private WebSocketSession connection(WebSocketSession session) {
        Connection connection = connections.get(session.getId());
        return connection == null ? session : connection;
    }

    /** A session whose sends, from any thread, reach the container one whole frame at a time. */
    static final class Connection extends WebSocketSessionDecorator {

        private final ReentrantLock sending = new ReentrantLock();

        Connection(WebSocketSession session) {
            super(session);
        }

        @Override
        public void sendMessage(WebSocketMessage<?> message) throws IOException {
            sending.lock();
            try {
                super.sendMessage(message);
            } finally {
                sending.unlock();
            }
        }

        /** Sends one STOMP frame, already encoded, as a text message. */
        void sendFrame(String frame) throws IOException {
            sendMessage(new TextMessage(frame));
        }
    }
}
