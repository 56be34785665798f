package org.ewn.query.push;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.broker.OrderedMessageChannelDecorator;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The frames live push sends to each session, on the client outbound channel, in the order they were sent: a queue
 * per session, of which one frame at a time is on the channel's pool, released once the session's WebSocket took it
 * (Spring's {@link OrderedMessageChannelDecorator}, which the broker uses for the same). Every frame for a session
 * goes through its queue, alerts, escalations and cases alike, so that no other queue releases this one early.
 * <p>
 * Each frame is built here as the STOMP MESSAGE it will be, for the session and subscription it goes to: the broker,
 * which looked up the session's queue and copied the headers once more for every session, is not involved, and the
 * STOMP handler takes the headers as they are instead of copying them again into its own. The JSON body of an event
 * is the same bytes for every session it goes to.
 */
final class SessionFrames {

    private static final Log log = LogFactory.getLog(SessionFrames.class);

    private final MessageChannel clientOutbound;
    private final Map<String, MessageChannel> sessions = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong();

    SessionFrames(MessageChannel clientOutbound) {
        this.clientOutbound = clientOutbound;
        // what releases each queue's next frame once its handler is done; the broker, told to preserve the
        // publication order, installs the same
        OrderedMessageChannelDecorator.configureInterceptor(clientOutbound, true);
    }

    /** The session subscribed to something live push sends: frames to it are queued from now on. */
    void open(String sessionId) {
        sessions.computeIfAbsent(sessionId, id -> new OrderedMessageChannelDecorator(clientOutbound, log));
    }

    /** The session ended; what is still queued for it is dropped when its turn comes. */
    void close(String sessionId) {
        sessions.remove(sessionId);
    }

    /**
     * Queues a MESSAGE frame for the subscription, naming the destination its client subscribed to; dropped if the
     * session has ended.
     */
    void send(String sessionId, String subscriptionId, String destination, byte[] body, MimeType contentType) {
        MessageChannel session = sessions.get(sessionId);
        if (session == null) {
            return;
        }
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setSubscriptionId(subscriptionId);
        headers.setDestination(destination);
        headers.setMessageId(sessionId + "-" + messageIds.getAndIncrement());
        headers.setContentType(contentType);
        // the queue marks the frame with the task that releases the next one
        headers.setLeaveMutable(true);
        session.send(MessageBuilder.createMessage(body, headers.getMessageHeaders()));
    }
}
