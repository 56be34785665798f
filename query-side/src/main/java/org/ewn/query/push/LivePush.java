package org.ewn.query.push;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.access.NetworkUser;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.casework.CaseStatusChanged;
import org.ewn.api.member.MemberCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Follows the tail of the event log and pushes every alert event to the sessions of the officers entitled to it
 * (see {@link Audience}), checked at every send. Every node runs its own, for the sessions it holds, so a push never
 * depends on which node handled the command.
 * <p>
 * A client that reconnects says the last position it saw ({@code last-position} on its SUBSCRIBE); its session
 * first gets, from the log and in order, every event after that it may see ({@link CatchUp}), and only then live
 * ones; {@link Subscriber} explains why nothing is skipped or sent twice. The catch-up is bounded: a position more
 * than {@code ewn.push.catch-up-limit} events behind the tail is refused with an ERROR frame, and such a client
 * reloads its inbox instead, so no reconnect can make a node read an unbounded stretch of the log.
 * <p>
 * Supervisors may also subscribe to {@code /user/queue/escalations}: each escalation of an alert their member let
 * pass its deadline reaches them there, live, as it happens. That queue has no catch-up: what a supervisor missed
 * while away is in the inbox, whose {@code state=overdue} filter lists it.
 */
@Component
class LivePush implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LivePush.class);
    private static final MessageHeaders JSON = new MessageHeaders(
            Map.of(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON));

    private final EventStore events;
    private final EventStorageEngine store;
    private final SimpMessagingTemplate messaging;
    private final MessageChannel clientOutbound;
    private final SessionFrames frames;
    private final PushProperties properties;
    private final KnownAlerts alerts;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    /** Sessions of supervisors subscribed to escalations, by session id. */
    private final Map<String, Supervisor> supervisors = new ConcurrentHashMap<>();
    /** Sessions of officers subscribed to their member's cases. */
    private final CaseWatchers cases = new CaseWatchers();
    /** The position of the last event the tail has begun to push; published before any session's lock is taken. */
    private volatile long livePosition;
    private volatile CatchUp catchUp;
    private volatile Thread follower;
    private volatile boolean running;

    LivePush(EventStore events, EventStorageEngine store, SimpMessagingTemplate messaging,
             @Qualifier("clientOutboundChannel") MessageChannel clientOutbound, PushConnections connections,
             PushProperties properties) {
        this.events = events;
        this.store = store;
        this.messaging = messaging;
        this.clientOutbound = clientOutbound;
        this.frames = new SessionFrames(connections, properties);
        this.properties = properties;
        this.alerts = new KnownAlerts(events, properties.knownAlerts());
        // known before any session can subscribe, so that the tail's position always means something
        this.livePosition = position(events.createHeadToken());
        this.catchUp = new CatchUp(store, this, properties.catchUpThreads());
    }

    /**
     * A session asks to subscribe, before the broker registers it: one subscription per session (a second would
     * receive every message twice), from a position within the catch-up bound.
     */
    void reserve(String sessionId, String subscriptionId, NetworkUser officer, Long lastPosition) {
        if (lastPosition != null && livePosition - lastPosition > properties.catchUpLimit()) {
            throw new MessageDeliveryException("last-position " + lastPosition + " is more than "
                    + properties.catchUpLimit() + " events behind the log; load the inbox and subscribe without it");
        }
        if (subscribers.putIfAbsent(sessionId, new Subscriber(sessionId, subscriptionId, officer, lastPosition))
                != null) {
            throw new MessageDeliveryException("This session already subscribed to " + StompAccess.USER_ALERTS);
        }
        frames.open(sessionId);
    }

    /** A supervisor's session asks to be told of its member's escalations; once per session. */
    void reserveEscalations(String sessionId, String subscriptionId, NetworkUser supervisor) {
        if (supervisors.putIfAbsent(sessionId, new Supervisor(subscriptionId, supervisor.member(), false)) != null) {
            throw new MessageDeliveryException("This session already subscribed to " + StompAccess.USER_ESCALATIONS);
        }
        frames.open(sessionId);
    }

    /** An officer's session asks to see its member's referrals and transfers change status; once per session. */
    void reserveCases(String sessionId, String subscriptionId, NetworkUser officer) {
        cases.reserve(sessionId, subscriptionId, officer);
        frames.open(sessionId);
    }

    /** The broker registered an officer's subscription to cases; it can receive from now on. */
    void registeredCases(String sessionId) {
        cases.registered(sessionId);
    }

    /** The broker registered a supervisor's subscription to escalations; it can receive from now on. */
    void registeredEscalations(String sessionId) {
        supervisors.computeIfPresent(sessionId, (id, supervisor) -> supervisor.asRegistered());
    }

    /** The broker registered the session's subscription to alerts; it can receive from now on. */
    void registered(String sessionId) {
        Subscriber subscriber = subscribers.get(sessionId);
        if (subscriber != null && subscriber.registered(livePosition)) {
            CatchUp current = catchUp;
            if (current == null) {
                refuse(subscriber.sessionId, "Live push is not running; reconnect later");
            } else {
                current.start(subscriber);
            }
        }
    }

    /** The session ended. */
    void forget(String sessionId) {
        frames.close(sessionId);
        supervisors.remove(sessionId);
        cases.forget(sessionId);
        Subscriber subscriber = subscribers.remove(sessionId);
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** The session ended one of its subscriptions. */
    void unsubscribe(String sessionId, String subscriptionId) {
        cases.unsubscribe(sessionId, subscriptionId);
        supervisors.computeIfPresent(sessionId, (id, s) -> s.subscriptionId().equals(subscriptionId) ? null : s);
        Subscriber subscriber = subscribers.get(sessionId);
        if (subscriber != null && subscriber.subscriptionId.equals(subscriptionId)
                && subscribers.remove(sessionId, subscriber)) {
            subscriber.close();
        }
    }

    long livePosition() {
        return livePosition;
    }

    @Override
    public void start() {
        running = true;
        if (catchUp == null) {
            catchUp = new CatchUp(store, this, properties.catchUpThreads());
        }
        TrackingToken from = livePosition < 0 ? null : new GlobalSequenceTrackingToken(livePosition);
        Thread thread = new Thread(() -> follow(from), "live-push");
        thread.setDaemon(true);
        follower = thread;
        thread.start();
    }

    private void follow(TrackingToken from) {
        TrackingToken position = from;
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(position)) {
                while (running) {
                    if (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                        TrackedEventMessage<?> message = stream.nextAvailable();
                        pushLive(message);
                        // only once pushed: reopening at an event half pushed is harmless, as sessions drop repeats
                        position = message.trackingToken();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Live push lost the event stream; reopening at {}", position, e);
                pause(1000);
            }
        }
    }

    private void pushLive(TrackedEventMessage<?> message) {
        long position = position(message.trackingToken());
        livePosition = position;
        if (message.getPayload() instanceof CaseStatusChanged changed) {
            cases.push(changed, position, this::convert, (session, subscription, converted) -> send(session,
                    subscription, StompAccess.USER_CASES, converted, "Live push failed; reconnect"));
        }
        if (!(message.getPayload() instanceof AlertEvent event)) {
            return;
        }
        boolean forSupervisors = event instanceof AlertEscalated && !supervisors.isEmpty();
        if (subscribers.isEmpty() && !forSupervisors) {
            return;
        }
        Optional<Audience> audience = audience(event, position);
        SessionFrames.Body pushed = convert(AlertMessages.of(event, position, message.getTimestamp()));
        for (Subscriber subscriber : subscribers.values()) {
            subscriber.offerLive(position, pushed, entitled(audience, event, subscriber), this::send);
        }
        if (forSupervisors && audience.isPresent()) {
            notifySupervisors((AlertEscalated) event, position, audience.get());
        }
    }

    private void notifySupervisors(AlertEscalated escalated, long position, Audience audience) {
        SessionFrames.Body notice = null;
        for (Map.Entry<String, Supervisor> entry : supervisors.entrySet()) {
            Supervisor supervisor = entry.getValue();
            if (supervisor.registered() && audience.concernsSupervisorsOf(escalated, supervisor.member())) {
                if (notice == null) {
                    notice = convert(AlertMessages.escalationNotice(escalated, position, audience));
                }
                send(entry.getKey(), supervisor.subscriptionId(), StompAccess.USER_ESCALATIONS, notice,
                     "Live push failed; reconnect");
            }
        }
    }

    Optional<Audience> audience(AlertEvent event, long position) {
        Optional<Audience> audience = alerts.of(event);
        if (audience.isEmpty()) {
            log.warn("No AlertRaised for alert {} of the event at {}; it is pushed to no one", event.alertId(),
                    position);
        }
        return audience;
    }

    /** Checked at every send, for the officer who holds the session. */
    static boolean entitled(Optional<Audience> audience, AlertEvent event, Subscriber subscriber) {
        return audience.map(a -> a.mayReceive(event, subscriber.officer.member())).orElse(false);
    }

    /**
     * A message as JSON text, converted once for every session it goes to: converting it again for each session was
     * half of what the live tail did per session, with hundreds of sessions to serve one after another.
     */
    private SessionFrames.Body convert(Object message) {
        Message<?> converted = messaging.getMessageConverter().toMessage(message, JSON);
        if (converted == null || !(converted.getPayload() instanceof byte[] json)) {
            throw new MessageConversionException("Cannot convert " + message.getClass().getSimpleName() + " to JSON");
        }
        MimeType contentType = converted.getHeaders().get(MessageHeaders.CONTENT_TYPE, MimeType.class);
        return new SessionFrames.Body(new String(json, StandardCharsets.UTF_8), json.length,
                                      (contentType == null ? MimeTypeUtils.APPLICATION_JSON : contentType).toString());
    }

    /** Sends an alert message to a subscriber; a failure ends the session, whose client resumes from its position. */
    void send(Subscriber subscriber, Object message) {
        send(subscriber.sessionId, subscriber.subscriptionId, StompAccess.USER_ALERTS, message,
             "Live push failed; reconnect with last-position to resume");
    }

    /** Sends to one subscription of a session, naming in the frame the destination its client subscribed to. */
    private void send(String sessionId, String subscriptionId, String subscribed, Object message, String refusal) {
        try {
            SessionFrames.Body body = message instanceof SessionFrames.Body b ? b : convert(message);
            frames.send(sessionId, subscriptionId, subscribed, body);
        } catch (RuntimeException e) {
            log.error("Could not push to session {}; closing it", sessionId, e);
            refuse(sessionId, refusal);
        }
    }

    /** Ends the session with an ERROR frame, which the server follows by closing the connection. */
    void refuse(String sessionId, String reason) {
        forget(sessionId);
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        error.setSessionId(sessionId);
        clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
    }

    static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        return token instanceof GlobalSequenceTrackingToken global ? global.getGlobalIndex()
                : token.position().orElse(-1L);
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** A supervisor's session subscribed to escalations, and whether the broker has registered the subscription. */
    private record Supervisor(String subscriptionId, MemberCode member, boolean registered) {

        Supervisor asRegistered() {
            return new Supervisor(subscriptionId, member, true);
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = follower;
        if (thread != null) {
            thread.interrupt();
        }
        CatchUp current = catchUp;
        catchUp = null;
        if (current != null) {
            current.stop();
        }
    }

    /** The application closes: the threads that write frames end. */
    @Override
    public void destroy() {
        frames.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
