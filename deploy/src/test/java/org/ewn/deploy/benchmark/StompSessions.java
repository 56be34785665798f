package org.ewn.deploy.benchmark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Officers' live sessions, with as little client as the protocols allow: each one a WebSocket connection to
 * {@code /ws} (RFC 6455, logged in with HTTP Basic on the handshake, subprotocol {@code v12.stomp}), STOMP 1.2
 * {@code CONNECT} and {@code SUBSCRIBE} to {@code /user/queue/alerts}, and from then on every session's frames read by
 * one thread on one selector, the title of each {@code MESSAGE} streamed out of its JSON body. With 1,000 sessions
 * in the hub's JVM, Spring's STOMP client over Tomcat's WebSocket client used about 22 µs of CPU a frame (its I/O
 * pool, the event port's thread, a header map and a String for every frame), a fifth of the two cores at 100 alerts/s:
 * the clients' cost, which the officers' own machines would bear.
 */
final class StompSessions implements AutoCloseable {

    /** The thread that reads every session's frames. */
    static final String READER = "stomp-sessions";
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final JsonFactory JSON = new JsonFactory();
    private static final int TEXT = 0x1;
    private static final int CONTINUATION = 0x0;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;
    /** Larger than any pushed alert: a signed submission is at most 1 MB. */
    private static final int LARGEST_MESSAGE = 4 * 1024 * 1024;

    private final int port;
    private final Selector selector;
    private final Thread reader;
    private final Queue<Session> registering = new ConcurrentLinkedQueue<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean open = true;

    /** Sessions with the hub at this port on the loopback interface, read on a thread of their own. */
    StompSessions(int port) throws IOException {
        this.port = port;
        this.selector = Selector.open();
        this.reader = new Thread(this::readAll, READER);
        reader.setDaemon(true);
        reader.start();
    }

    /** How many sessions were lost: closed by the hub, refused with an ERROR frame, or broken. */
    int failed() {
        return failed.get();
    }

    /**
     * Connects, logs in and subscribes to the officer's alerts, waiting for the hub's {@code CONNECTED}; the broker
     * registers the subscription some time after this returns. {@code onAlert} gets (arrival nanoTime, title) for
     * every alert frame, on the reading thread.
     */
    Session open(String authorization, BiConsumer<Long, String> onAlert) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        Session session = new Session(channel, onAlert);
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            session.handshake(authorization);
            session.send(TEXT, "CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n\0");
            String connected = session.awaitFrame();
            if (!connected.startsWith("CONNECTED\n")) {
                throw new IOException("The hub answered CONNECT with " + connected.lines().findFirst().orElse(""));
            }
            session.send(TEXT, "SUBSCRIBE\nid:alerts\ndestination:/user/queue/alerts\n\n\0");
            channel.configureBlocking(false);
            session.reading = true;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        registering.add(session);
        selector.wakeup();
        return session;
    }

    private void readAll() {
        while (open) {
            try {
                selector.select(500);
                for (Session session = registering.poll(); session != null; session = registering.poll()) {
                    session.channel.register(selector, SelectionKey.OP_READ, session);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Session session = (Session) key.attachment();
                    try {
                        session.readAvailable();
                    } catch (IOException | RuntimeException e) {
                        key.cancel();
                        session.lost(e);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                if (open) {
                    System.err.println("[benchmark] the STOMP sessions' selector failed: " + e);
                }
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        selector.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        selector.close();
    }

    /** One officer's session. */
    final class Session implements AutoCloseable {

        private final SocketChannel channel;
        private final BiConsumer<Long, String> onAlert;
        /** Bytes read and not yet taken, between reads in write mode. */
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        /** A message arriving in fragments, until its last one. */
        private ByteArrayOutputStream fragments;
        /** Once subscribed, messages are read on the selector's thread and handed to STOMP in place. */
        private boolean reading;
        private volatile boolean lost;
        /** We said goodbye: the hub's closing frame that follows is no loss. */
        private volatile boolean closing;

        private Session(SocketChannel channel, BiConsumer<Long, String> onAlert) {
            this.channel = channel;
            this.onAlert = onAlert;
        }

        /** The opening handshake, checking the server's accept key; bytes past the response stay for the frames. */
        private void handshake(String authorization) throws IOException {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                             + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                             + "Sec-WebSocket-Protocol: v12.stomp\r\nAuthorization: " + authorization + "\r\n\r\n";
            writeFully(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            int end;
            while ((end = headerEnd()) < 0) {
                fill();
            }
            String response = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
            in.flip().position(end + 4);
            in.compact();
            if (!response.startsWith("HTTP/1.1 101")) {
                throw new IOException("The hub refused the WebSocket handshake: " + response.lines().findFirst()
                        .orElse(""));
            }
            String accept = acceptKey(key);
            boolean accepted = response.lines().anyMatch(
                    line -> line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-accept:")
                            && line.substring(line.indexOf(':') + 1).trim().equals(accept));
            if (!accepted) {
                throw new IOException("The hub's handshake response lacks the accept key for our nonce");
            }
        }

        /** Where the handshake response's blank line starts in the bytes read so far; -1 until it came. */
        private int headerEnd() {
            byte[] bytes = in.array();
            for (int i = 0; i + 3 < in.position(); i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        /** Blocks until a whole STOMP frame came, before the session is handed to the selector. */
        private String awaitFrame() throws IOException {
            while (true) {
                in.flip();
                byte[] message = nextMessage();
                in.compact();
                if (message != null) {
                    return new String(message, StandardCharsets.UTF_8);
                }
                fill();
            }
        }

        private void fill() throws IOException {
            if (!in.hasRemaining()) {
                grow(in.capacity() * 2);
            }
            if (channel.read(in) < 0) {
                throw new EOFException("The hub closed the connection");
            }
        }

        /** On the reading thread: takes every whole message read so far. */
        private void readAvailable() throws IOException {
            int read;
            do {
                read = channel.read(in);
                if (read < 0) {
                    throw new EOFException("The hub closed the connection");
                }
                in.flip();
                for (byte[] message = nextMessage(); message != null; message = nextMessage()) {
                    if (message.length > 0) {
                        stomp(message, 0, message.length);
                    }
                }
                in.compact();
            } while (read > 0 && !in.hasRemaining());
        }

        /**
         * The next whole message's payload, from the buffer in read mode; null when more bytes must come first.
         * Once reading, a message in a single frame is handed to STOMP in place and returned as an empty array.
         */
        private byte[] nextMessage() throws IOException {
            while (in.remaining() >= 2) {
                int start = in.position();
                int first = in.get(start) & 0xFF;
                int second = in.get(start + 1) & 0xFF;
                if ((second & 0x80) != 0) {
                    throw new IOException("A frame from the server is masked");
                }
                long length = second & 0x7F;
                int header = 2;
                if (length == 126) {
                    if (in.remaining() < 4) {
                        return null;
                    }
                    length = in.getShort(start + 2) & 0xFFFF;
                    header = 4;
                } else if (length == 127) {
                    if (in.remaining() < 10) {
                        return null;
                    }
                    length = in.getLong(start + 2);
                    header = 10;
                }
                if (length < 0 || length > LARGEST_MESSAGE) {
                    throw new IOException("A frame of " + length + " bytes from the server");
                }
                if (in.remaining() < header + length) {
                    if (in.capacity() < header + length) {
                        in.compact();
                        grow((int) (header + length));
                        in.flip();
                    }
                    return null;
                }
                int payload = start + header;
                in.position(payload + (int) length);
                boolean last = (first & 0x80) != 0;
                int opcode = first & 0x0F;
                switch (opcode) {
                    case TEXT, BINARY -> {
                        if (last && reading) {
                            stomp(in.array(), in.arrayOffset() + payload, (int) length);
                            return new byte[0];
                        }
                        fragments = new ByteArrayOutputStream();
                        fragments.write(in.array(), in.arrayOffset() + payload, (int) length);
                    }
                    case CONTINUATION -> {
                        if (fragments == null) {
                            throw new IOException("A continuation frame with no message begun");
                        }
                        fragments.write(in.array(), in.arrayOffset() + payload, (int) length);
                    }
                    case PING -> {
                        byte[] data = new byte[(int) length];
                        in.get(payload, data);
                        send(PONG, data);
                        continue;
                    }
                    case PONG -> {
                        continue;
                    }
                    case CLOSE -> throw new EOFException("The hub closed the WebSocket" + (length >= 2
                            ? " with status " + (in.getShort(payload) & 0xFFFF) : ""));
                    default -> throw new IOException("A frame with opcode " + opcode + " from the server");
                }
                if (last) {
                    byte[] message = fragments.toByteArray();
                    fragments = null;
                    return message;
                }
            }
            return null;
        }

        /** One STOMP frame: a MESSAGE's title goes to {@code onAlert}; an ERROR ends the session. */
        private void stomp(byte[] bytes, int offset, int length) throws IOException {
            long arrived = System.nanoTime();
            int end = offset + length;
            int command = indexOf(bytes, offset, end, (byte) '\n');
            if (command < 0) {
                return;
            }
            if (startsWith(bytes, offset, end, "MESSAGE")) {
                int body = bodyStart(bytes, command, end);
                int nul = indexOf(bytes, body, end, (byte) 0);
                onAlert.accept(arrived, title(bytes, body, (nul < 0 ? end : nul) - body));
            } else if (startsWith(bytes, offset, end, "ERROR")) {
                throw new IOException("The hub sent an ERROR frame: " + new String(bytes, offset, length,
                        StandardCharsets.UTF_8).replace('\n', ' ').replace('\0', ' ').trim());
            }
        }

        private void lost(Exception cause) {
            if (closing) {
                closeQuietly();
                return;
            }
            lost = true;
            if (failed.getAndIncrement() == 0) {
                System.err.println("[benchmark] a STOMP session was lost: " + cause.getMessage());
            }
            closeQuietly();
        }

        /** Writes a masked frame, as a client must. */
        private void send(int opcode, String text) throws IOException {
            send(opcode, text.getBytes(StandardCharsets.UTF_8));
        }

        private void send(int opcode, byte[] payload) throws IOException {
            ByteBuffer frame = ByteBuffer.allocate(payload.length + 14);
            frame.put((byte) (0x80 | opcode));
            if (payload.length < 126) {
                frame.put((byte) (0x80 | payload.length));
            } else if (payload.length <= 0xFFFF) {
                frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
            } else {
                frame.put((byte) (0x80 | 127)).putLong(payload.length);
            }
            byte[] mask = new byte[4];
            random.nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.put((byte) (payload[i] ^ mask[i & 3]));
            }
            writeFully(frame.flip());
        }

        private void writeFully(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                if (channel.write(bytes) == 0) {
                    Thread.onSpinWait();
                }
            }
        }

        private void grow(int capacity) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(capacity, in.capacity()));
            in.flip();
            larger.put(in);
            in = larger;
        }

        /** Says goodbye, in STOMP and in WebSocket, and closes the connection. */
        @Override
        public void close() {
            closing = true;
            if (!lost && channel.isOpen()) {
                try {
                    send(TEXT, "DISCONNECT\n\n\0");
                    send(CLOSE, new byte[] {0x03, (byte) 0xE8});
                } catch (IOException e) {
                    // the connection is closed below all the same
                }
            }
            closeQuietly();
        }

        private void closeQuietly() {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    /** The {@code Sec-WebSocket-Accept} a server owes the nonce, per RFC 6455 section 4.2.2. */
    static String acceptKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID)
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a STOMP frame's body begins: after the blank line that ends its headers. */
    private static int bodyStart(byte[] bytes, int commandEnd, int end) {
        for (int i = commandEnd; i + 1 < end; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i + 2;
            }
            if (bytes[i] == '\n' && bytes[i + 1] == '\r' && i + 2 < end && bytes[i + 2] == '\n') {
                return i + 3;
            }
        }
        return end;
    }

    /** The top-level {@code title} of a pushed alert's JSON; null for a message without one. */
    static String title(byte[] json, int offset, int length) {
        try (JsonParser parser = JSON.createParser(json, offset, length)) {
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
            throw new IllegalStateException("A pushed frame is not JSON", e);
        }
    }

    private static int indexOf(byte[] bytes, int from, int end, byte wanted) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the frame from {@code offset} to {@code end} begins with the command and its line's end. */
    private static boolean startsWith(byte[] bytes, int offset, int end, String command) {
        if (end - offset <= command.length()) {
            return false;
        }
        for (int i = 0; i < command.length(); i++) {
            if (bytes[offset + i] != command.charAt(i)) {
                return false;
            }
        }
        return bytes[offset + command.length()] == '\n' || bytes[offset + command.length()] == '\r';
    }
}
