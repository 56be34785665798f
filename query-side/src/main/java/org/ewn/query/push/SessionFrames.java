package org.ewn.query.push;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The frames live push sends to each session, written in the order they were sent: a queue per session, which one
 * of the sender threads empties at a time, a frame after the other, onto the session's {@link PushConnections
 * connection}. Every frame for a session goes through its queue, alerts, escalations and cases alike.
 * <p>
 * Each frame is built here as the text of the STOMP MESSAGE it will be, for the session and subscription it goes to:
 * the STOMP handler, the client outbound channel and the broker, which built a map of headers, encoded it and then
 * turned the bytes into text again for every session, are not involved. The JSON body of an event is the same text
 * for every session it goes to.
 * <p>
 * A client that does not keep up is disconnected rather than let its frames pile up: when more than
 * {@code ewn.push.send-buffer-limit} of text waits for it while a frame is being written to it, or one frame takes
 * longer than {@code ewn.push.send-time-limit} to write. While the senders themselves are behind, and no frame is
 * being written to it, {@link #BACKLOG_FACTOR} times as much may wait. Either way the client reconnects with the
 * last position it saw and catches up from the log.
 */
final class SessionFrames {

    private static final Logger log = LoggerFactory.getLogger(SessionFrames.class);
    /**
     * How many send buffers' worth may wait for a session while no frame is being written to it: the senders, not
     * the client, are behind, as when the hub has more to push than its cores can write for a while.
     */
    static final int BACKLOG_FACTOR = 8;

    private final PushConnections connections;
    private final long bufferLimit;
    private final long backlogLimit;
    private final ExecutorService senders;
    private final Map<String, Outbox> sessions = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong();

    SessionFrames(PushConnections connections, PushProperties properties) {
        this.connections = connections;
        this.bufferLimit = properties.sendBufferLimit().toBytes();
        this.backlogLimit = bufferLimit * BACKLOG_FACTOR;
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senderThreads(), task -> {
            Thread thread = new Thread(task, "live-push-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A body, as the JSON text every session it goes to gets. */
    record Body(String text, int length, String contentType) {
    }

    /** The session subscribed to something live push sends: frames to it are queued from now on. */
    void open(String sessionId) {
        PushConnections.Connection connection = connections.get(sessionId);
        if (connection != null) {
            sessions.computeIfAbsent(sessionId, id -> new Outbox(id, connection));
        }
    }

    /** The session ended; what is still queued for it is dropped. */
    void close(String sessionId) {
        Outbox outbox = sessions.remove(sessionId);
        if (outbox != null) {
            outbox.drop();
        }
    }

    /**
     * Queues a MESSAGE frame for the subscription, naming the destination its client subscribed to; dropped if the
     * session has ended.
     */
    void send(String sessionId, String subscriptionId, String destination, Body body) {
        Outbox outbox = sessions.get(sessionId);
        if (outbox != null) {
            outbox.offer(frame(subscriptionId, destination, sessionId + "-" + messageIds.getAndIncrement(), body));
        }
    }

    void stop() {
        senders.shutdownNow();
    }

    /** The STOMP 1.2 MESSAGE frame, its header values escaped as the STOMP handler's encoder escapes them. */
    static String frame(String subscriptionId, String destination, String messageId, Body body) {
        return "MESSAGE\nsubscription:" + escape(subscriptionId) + "\ndestination:" + escape(destination)
               + "\nmessage-id:" + escape(messageId) + "\ncontent-type:" + body.contentType()
               + "\ncontent-length:" + body.length() + "\n\n" + body.text() + '\0';
    }

    /** A header value as STOMP 1.2 writes it: backslash, colon, line feed and carriage return escaped. */
    static String escape(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case ':' -> "\\c";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null) {
                if (escaped == null) {
                    escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                escaped.append(replacement);
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? value : escaped.toString();
    }

    /**
     * One session's frames not yet written, and whether a sender is writing them. Only senders write to the session
     * or close it, never the thread that queues (but while the hub shuts down): a client that takes nothing can hold
     * a write, or the close that follows it, for up to the send time limit.
     */
    private final class Outbox implements Runnable {

        private final String sessionId;
        private final PushConnections.Connection connection;
        private final ArrayDeque<String> frames = new ArrayDeque<>();
        /** Characters queued; a frame's text is about as many bytes, more for text outside ASCII. */
        private long queued;
        /** A sender has this session's frames in hand, or is about to. */
        private boolean writing;
        /** A sender is writing a frame to the session and the client has not taken it yet. */
        private boolean inWrite;
        /** Nothing more is queued or written. */
        private boolean dropped;
        /** Dropped because the client fell too far behind; a sender is to close the session. */
        private boolean overflowed;

        Outbox(String sessionId, PushConnections.Connection connection) {
            this.sessionId = sessionId;
            this.connection = connection;
        }

        void offer(String frame) {
            boolean start;
            synchronized (this) {
                if (dropped) {
                    return;
                }
                if (queued > 0 && queued + frame.length() > (inWrite ? bufferLimit : backlogLimit)) {
                    dropLocked();
                    overflowed = true;
                } else {
                    frames.add(frame);
                    queued += frame.length();
                }
                start = !writing;
                writing = true;
            }
            if (start) {
                try {
                    senders.execute(this);
                } catch (RejectedExecutionException e) {
                    drop();
                    disconnect(CloseStatus.GOING_AWAY, "live push is stopping");
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                String frame;
                boolean close;
                synchronized (this) {
                    frame = dropped ? null : frames.poll();
                    if (frame == null) {
                        writing = false;
                        close = overflowed;
                        overflowed = false;
                    } else {
                        queued -= frame.length();
                        close = false;
                        inWrite = true;
                    }
                }
                if (frame == null) {
                    if (close) {
                        disconnect(CloseStatus.SESSION_NOT_RELIABLE, "its client fell more than the send buffer behind");
                    }
                    return;
                }
                try {
                    connection.sendFrame(frame);
                    synchronized (this) {
                        inWrite = false;
                    }
                } catch (IOException | RuntimeException e) {
                    drop();
                    log.debug("Live push could not write to session {}", sessionId, e);
                    disconnect(CloseStatus.SESSION_NOT_RELIABLE, "a frame could not be written to it");
                    return;
                }
            }
        }

        synchronized void drop() {
            dropLocked();
        }

        private void dropLocked() {
            dropped = true;
            frames.clear();
            queued = 0;
        }

        private void disconnect(CloseStatus status, String reason) {
            sessions.remove(sessionId, this);
            log.info("Live push closes session {}: {}", sessionId, reason);
            try {
                connection.close(status);
            } catch (IOException | RuntimeException e) {
                log.debug("Closing session {} failed", sessionId, e);
            }
        }
    }
}
