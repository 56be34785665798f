package org.ewn.deploy.benchmark;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmark's lean STOMP client against a scripted server on a real socket: the handshake (with RFC 6455's own
 * example of an accept key), CONNECT and SUBSCRIBE as the hub expects them, and every way a server may frame a
 * message: each length encoding, a message in fragments with a ping between them, frames split across reads.
 */
class StompSessionsTest {

    private static final Pattern KEY = Pattern.compile("Sec-WebSocket-Key: (\\S+)");
    private final ServerSocketChannel server;
    private final List<AutoCloseable> open = new ArrayList<>();

    StompSessionsTest() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
        server.close();
    }

    @Test
    void theAcceptKeyIsRfc6455sExample() {
        assertThat(StompSessions.acceptKey("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void everyFramingOfAMessageGivesItsTitleInOrder() throws Exception {
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<List<String>> script = CompletableFuture.supplyAsync(() -> serve(hub -> {
            List<String> said = new ArrayList<>();
            said.add(handshake(hub, "101 Switching Protocols"));
            said.add(readText(hub));
            send(hub, frame(0x81, stomp("CONNECTED\nversion:1.2\n\n")));
            said.add(readText(hub));
            send(hub, frame(0x81, message("short", 0)));
            send(hub, frame(0x81, message("medium", 300)));
            byte[] large = frame(0x81, message("large", 70_000));
            send(hub, Arrays.copyOfRange(large, 0, 5));
            pause();
            send(hub, Arrays.copyOfRange(large, 5, large.length));
            byte[] fragmented = message("fragmented", 1_000);
            send(hub, frame(0x01, Arrays.copyOfRange(fragmented, 0, 400)));
            send(hub, frame(0x89, "are you there".getBytes(StandardCharsets.UTF_8)));
            send(hub, frame(0x00, Arrays.copyOfRange(fragmented, 400, 900)));
            send(hub, frame(0x80, Arrays.copyOfRange(fragmented, 900, fragmented.length)));
            said.add(readFrame(hub, 0xA));
            awaitQuietly(checked);
            return said;
        }));
        BlockingQueue<String> titles = new LinkedBlockingQueue<>();
        StompSessions sessions = opened(new StompSessions(port()));
        open.add(sessions.open("Basic a2ctb2ZmaWNlcjpzZWNyZXQ=", (at, title) -> titles.add(title)));

        List<String> received = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            received.add(titles.poll(10, TimeUnit.SECONDS));
        }
        assertThat(received).containsExactly("short", "medium", "large", "fragmented");
        assertThat(sessions.failed()).isZero();
        checked.countDown();
        List<String> said = script.get(20, TimeUnit.SECONDS);
        assertThat(said.get(0)).startsWith("GET /ws HTTP/1.1\r\n").contains("Upgrade: websocket\r\n")
                               .contains("Sec-WebSocket-Protocol: v12.stomp\r\n")
                               .contains("Authorization: Basic a2ctb2ZmaWNlcjpzZWNyZXQ=\r\n");
        assertThat(said.get(1)).startsWith("CONNECT\naccept-version:1.2\n").endsWith("\n\n\0");
        assertThat(said.get(2)).isEqualTo("SUBSCRIBE\nid:alerts\ndestination:/user/queue/alerts\n\n\0");
        assertThat(said.get(3)).as("the ping's payload, back in a pong").isEqualTo("are you there");
    }

    @Test
    void aRefusedHandshakeIsAnError() throws Exception {
        CompletableFuture<String> script = CompletableFuture.supplyAsync(
                () -> serve(hub -> handshake(hub, "401 Unauthorized")));
        StompSessions sessions = opened(new StompSessions(port()));

        assertThatThrownBy(() -> sessions.open("Basic bm9ib2R5Om5vbmU=", (at, title) -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("401 Unauthorized");
        assertThat(script.get(10, TimeUnit.SECONDS)).contains("Authorization: Basic bm9ib2R5Om5vbmU=");
    }

    @Test
    void anErrorFrameEndsTheSessionAndIsCounted() throws Exception {
        CompletableFuture<String> script = CompletableFuture.supplyAsync(() -> serve(hub -> {
            handshake(hub, "101 Switching Protocols");
            readText(hub);
            send(hub, frame(0x81, stomp("CONNECTED\nversion:1.2\n\n")));
            readText(hub);
            send(hub, frame(0x81, stomp("ERROR\nmessage:Access denied\n\n")));
            ByteBuffer end = ByteBuffer.allocate(1);
            return hub.read(end) < 0 ? "closed" : "open";
        }));
        StompSessions sessions = opened(new StompSessions(port()));
        open.add(sessions.open("Basic a2ctb2ZmaWNlcjpzZWNyZXQ=", (at, title) -> { }));

        assertThat(script.get(10, TimeUnit.SECONDS)).isEqualTo("closed");
        assertThat(sessions.failed()).isEqualTo(1);
    }

    private StompSessions opened(StompSessions sessions) {
        open.add(sessions);
        return sessions;
    }

    private int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private interface Script<T> {
        T run(SocketChannel hub) throws IOException;
    }

    private <T> T serve(Script<T> script) {
        try (SocketChannel hub = server.accept()) {
            return script.run(hub);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the client's handshake request and answers with the status, and the accept key for a 101. */
    private static String handshake(SocketChannel hub, String status) throws IOException {
        StringBuilder request = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (request.indexOf("\r\n\r\n") < 0) {
            one.clear();
            if (hub.read(one) < 0) {
                throw new IOException("the client left during its handshake");
            }
            request.append((char) one.get(0));
        }
        Matcher key = KEY.matcher(request);
        String response = "HTTP/1.1 " + status + "\r\n";
        if (status.startsWith("101") && key.find()) {
            response += "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: v12.stomp\r\n"
                        + "Sec-WebSocket-Accept: " + StompSessions.acceptKey(key.group(1)) + "\r\n";
        }
        send(hub, (response + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return request.toString();
    }

    private static String readText(SocketChannel hub) throws IOException {
        return readFrame(hub, 0x1);
    }

    /** Reads one frame from the client, which must be masked and of the opcode, and unmasks its payload. */
    private static String readFrame(SocketChannel hub, int opcode) throws IOException {
        ByteBuffer header = readFully(hub, 2);
        assertThat(header.get(0) & 0x0F).isEqualTo(opcode);
        assertThat(header.get(1) & 0x80).as("a client's frames are masked").isNotZero();
        int length = header.get(1) & 0x7F;
        if (length == 126) {
            length = readFully(hub, 2).getShort() & 0xFFFF;
        }
        byte[] mask = readFully(hub, 4).array();
        byte[] payload = readFully(hub, length).array();
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static ByteBuffer readFully(SocketChannel hub, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (hub.read(bytes) < 0) {
                throw new IOException("the client closed the connection");
            }
        }
        return bytes.flip();
    }

    private static void send(SocketChannel hub, byte[] bytes) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                hub.write(buffer);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server's frame: unmasked, with the shortest length encoding for the payload. */
    private static byte[] frame(int firstByte, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 10);
        frame.put((byte) firstByte);
        if (payload.length < 126) {
            frame.put((byte) payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.put((byte) 126).putShort((short) payload.length);
        } else {
            frame.put((byte) 127).putLong(payload.length);
        }
        frame.put(payload);
        return Arrays.copyOf(frame.array(), frame.position());
    }

    /** A pushed alert as the hub frames it, its text padded to about {@code size} bytes of UTF-8. */
    private static byte[] message(String title, int size) {
        String text = "Сообщение ".repeat(Math.max(1, size / 20));
        return stomp("MESSAGE\ndestination:/user/queue/alerts\ncontent-type:application/json\nsubscription:alerts\n"
                     + "message-id:m-1\n\n{\"kind\":\"raised\",\"text\":\"" + text + "\",\"title\":\"" + title + "\"}");
    }

    private static byte[] stomp(String frame) {
        return (frame + "\0").getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
