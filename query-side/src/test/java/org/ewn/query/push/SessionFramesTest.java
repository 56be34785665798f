package org.ewn.query.push;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The frames live push writes itself: each is the STOMP MESSAGE that Spring's own STOMP decoder reads back, they reach
 * a session in the order they were sent, and a client that does not keep up is disconnected instead of holding its
 * frames in memory.
 */
class SessionFramesTest {

    private static final String DESTINATION = "/user/queue/alerts";
    private static final String JSON = "{\"title\":\"Тревога: границата\",\"text\":\"line\\nnext\"}";

    private final List<SessionFrames> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(SessionFrames::stop);
    }

    @Test
    void aFrameIsTheStompMessageThatTheDecoderReadsEscapesIncluded() {
        byte[] json = JSON.getBytes(StandardCharsets.UTF_8);
        SessionFrames.Body body = new SessionFrames.Body(JSON, json.length, "application/json");
        String subscription = "sub:0\\back\nslash\r";

        String frame = SessionFrames.frame(subscription, DESTINATION, "session-7", body);

        List<Message<byte[]>> decoded = new StompDecoder().decode(
                ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
        assertThat(decoded).hasSize(1);
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(decoded.get(0));
        assertThat(headers.getCommand()).isEqualTo(StompCommand.MESSAGE);
        assertThat(headers.getSubscriptionId()).isEqualTo(subscription);
        assertThat(headers.getDestination()).isEqualTo(DESTINATION);
        assertThat(headers.getMessageId()).isEqualTo("session-7");
        assertThat(headers.getContentType()).hasToString("application/json");
        assertThat(headers.getContentLength()).isEqualTo(json.length);
        assertThat(decoded.get(0).getPayload()).isEqualTo(json);
    }

    @Test
    void framesReachTheSessionInTheOrderTheyWereSentEachWithAMessageIdOfItsOwn() {
        RecordingSession session = new RecordingSession("s1");
        SessionFrames frames = frames(session, DataSize.ofMegabytes(1));

        IntStream.range(0, 500).forEach(n -> frames.send("s1", "sub-0", DESTINATION, body(n, 10)));

        await().atMost(Duration.ofSeconds(10)).until(() -> session.sent.size() == 500);
        List<String> titles = session.sent.stream().map(SessionFramesTest::title).toList();
        assertThat(titles).containsExactlyElementsOf(IntStream.range(0, 500).mapToObj(n -> "n" + n).toList());
        assertThat(session.sent.stream().map(frame -> decode(frame).getMessageId()).distinct()).hasSize(500);
        assertThat(session.closed).isNull();
    }

    @Test
    void aClientFurtherBehindThanTheSendBufferIsDisconnectedAndGetsNothingMore() throws Exception {
        RecordingSession session = new RecordingSession("s1");
        session.stuck = new CountDownLatch(1);
        SessionFrames frames = frames(session, DataSize.ofKilobytes(8));

        frames.send("s1", "sub-0", DESTINATION, body(0, 1_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> session.writeBegun.getCount() == 0);
        // the first frame is being written and the client takes nothing; the next ones wait, up to 8 KB of them
        for (int n = 1; n <= 8; n++) {
            frames.send("s1", "sub-0", DESTINATION, body(n, 1_000));
        }
        frames.send("s1", "sub-0", DESTINATION, body(9, 1_000));
        frames.send("s1", "sub-0", DESTINATION, body(10, 1_000));
        assertThat(session.closed).isNull();

        // the write under way ends (here it completes; a client that takes nothing makes it time out), and the
        // session is closed, with none of the frames queued behind it written
        session.stuck.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> session.closed != null);
        assertThat(session.closed).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
        frames.send("s1", "sub-0", DESTINATION, body(11, 1_000));
        Thread.sleep(200);
        assertThat(session.sent).extracting(SessionFramesTest::title).containsExactly("n0");
    }

    /**
     * With the only sender held by a client that takes nothing, another client's frames wait for a sender, not for
     * their client: up to eight send buffers of them are kept and then written, and only more than that ends the
     * session.
     */
    @Test
    void framesWaitingForABusySenderRatherThanForTheirClientMayTakeEightSendBuffers() {
        RecordingSession stuck = new RecordingSession("stuck");
        stuck.stuck = new CountDownLatch(1);
        RecordingSession waiting = new RecordingSession("waiting");
        RecordingSession flooded = new RecordingSession("flooded");
        SessionFrames frames = frames(DataSize.ofKilobytes(8), 1, stuck, waiting, flooded);

        frames.send("stuck", "sub-0", DESTINATION, body(0, 1_000));
        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.writeBegun.getCount() == 0);
        for (int n = 0; n < 40; n++) {
            frames.send("waiting", "sub-0", DESTINATION, body(n, 1_000));
        }
        for (int n = 0; n < 70; n++) {
            frames.send("flooded", "sub-0", DESTINATION, body(n, 1_000));
        }
        stuck.stuck.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> waiting.sent.size() == 40 && flooded.closed != null);
        assertThat(waiting.closed).isNull();
        assertThat(flooded.closed).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(flooded.sent).isEmpty();
    }

    @Test
    void aFrameLargerThanTheSendBufferGoesToAClientThatIsUpToDate() {
        RecordingSession session = new RecordingSession("s1");
        SessionFrames frames = frames(session, DataSize.ofKilobytes(1));

        frames.send("s1", "sub-0", DESTINATION, body(0, 5_000));

        await().atMost(Duration.ofSeconds(10)).until(() -> session.sent.size() == 1);
        assertThat(session.closed).isNull();
    }

    @Test
    void aFrameThatCannotBeWrittenEndsTheSession() {
        RecordingSession session = new RecordingSession("s1");
        session.failing = true;
        SessionFrames frames = frames(session, DataSize.ofMegabytes(1));

        frames.send("s1", "sub-0", DESTINATION, body(0, 10));

        await().atMost(Duration.ofSeconds(10)).until(() -> session.closed != null);
        assertThat(session.closed).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(session.sent).isEmpty();
    }

    @Test
    void aClosedSessionIsSentNothing() {
        RecordingSession closed = new RecordingSession("closed");
        RecordingSession open = new RecordingSession("open");
        // one sender, which takes sessions in turn: once the open session has its frame, the closed one had its turn
        SessionFrames frames = frames(DataSize.ofMegabytes(1), 1, closed, open);
        frames.close("closed");

        frames.send("closed", "sub-0", DESTINATION, body(0, 10));
        frames.send("open", "sub-0", DESTINATION, body(1, 10));

        await().atMost(Duration.ofSeconds(10)).until(() -> open.sent.size() == 1);
        assertThat(closed.sent).isEmpty();
        assertThat(closed.closed).isNull();
    }

    private SessionFrames frames(RecordingSession session, DataSize bufferLimit) {
        return frames(bufferLimit, 2, session);
    }

    private SessionFrames frames(DataSize bufferLimit, int senders, RecordingSession... sessions) {
        PushProperties properties = new PushProperties(10_000, 1, 100, senders, bufferLimit, Duration.ofSeconds(10));
        PushConnections connections = new PushConnections(properties);
        WebSocketHandler handler = connections.decorate(new TextWebSocketHandler());
        SessionFrames frames = new SessionFrames(connections, properties);
        started.add(frames);
        for (RecordingSession session : sessions) {
            try {
                handler.afterConnectionEstablished(session);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            frames.open(session.getId());
        }
        return frames;
    }

    private static SessionFrames.Body body(int n, int padding) {
        String json = "{\"title\":\"n" + n + "\",\"text\":\"" + "x".repeat(padding) + "\"}";
        return new SessionFrames.Body(json, json.length(), "application/json");
    }

    private static StompHeaderAccessor decode(String frame) {
        return StompHeaderAccessor.wrap(new StompDecoder().decode(
                ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8))).get(0));
    }

    private static String title(String frame) {
        String body = new String(new StompDecoder().decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)))
                                         .get(0).getPayload(), StandardCharsets.UTF_8);
        return body.substring(body.indexOf(":\"") + 2, body.indexOf("\","));
    }

    /** A WebSocket session that keeps what it was sent, and can be told to take nothing or to fail. */
    private static final class RecordingSession implements WebSocketSession {

        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch writeBegun = new CountDownLatch(1);
        volatile CountDownLatch stuck;
        volatile boolean failing;
        volatile CloseStatus closed;
        private final String id;
        private final Map<String, Object> attributes = new HashMap<>();

        RecordingSession(String id) {
            this.id = id;
        }

        @Override
        public void sendMessage(WebSocketMessage<?> message) throws IOException {
            writeBegun.countDown();
            if (failing) {
                throw new IOException("Broken pipe");
            }
            CountDownLatch latch = stuck;
            if (latch != null) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sent.add(((TextMessage) message).getPayload());
        }

        @Override
        public void close(CloseStatus status) {
            if (closed == null) {
                closed = status;
            }
        }

        @Override
        public void close() {
            close(CloseStatus.NORMAL);
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public URI getUri() {
            return null;
        }

        @Override
        public HttpHeaders getHandshakeHeaders() {
            return new HttpHeaders();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public Principal getPrincipal() {
            return null;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public String getAcceptedProtocol() {
            return "v12.stomp";
        }

        @Override
        public void setTextMessageSizeLimit(int messageSizeLimit) {
        }

        @Override
        public int getTextMessageSizeLimit() {
            return 0;
        }

        @Override
        public void setBinaryMessageSizeLimit(int messageSizeLimit) {
        }

        @Override
        public int getBinaryMessageSizeLimit() {
            return 0;
        }

        @Override
        public List<WebSocketExtension> getExtensions() {
            return List.of();
        }

        @Override
        public boolean isOpen() {
            return closed == null;
        }
    }
}
