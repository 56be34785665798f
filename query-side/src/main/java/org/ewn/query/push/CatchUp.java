package org.ewn.query.push;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.ewn.api.alert.AlertEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Serves a reconnecting session what it missed: reads the log from the session's {@code last-position} on a pool of
 * its own (never on the broker's inbound channel, never on the live tail's thread) and offers every event to the
 * session in order until the session has reached the live tail and goes live. A read that fails is retried from the
 * session's mark, so a failure delays the catch-up but never skips an event.
 */
final class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    private static final long RETRY_MILLIS = 200;

    private final EventStorageEngine store;
    private final LivePush push;
    private final ExecutorService pool;

    CatchUp(EventStorageEngine store, LivePush push, int threads) {
        this.store = store;
        this.push = push;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "live-push-catch-up-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(Subscriber subscriber) {
        try {
            pool.execute(() -> run(subscriber));
        } catch (RejectedExecutionException e) {
            push.refuse(subscriber.sessionId, "Live push is stopping; reconnect later");
        }
    }

    private void run(Subscriber subscriber) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (readToEnd(subscriber)) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("Catch-up of session {} could not read the log after {}; retrying", subscriber.sessionId,
                        subscriber.mark(), e);
            }
            // the log ended before the live tail's position (another reader's view can trail it for a moment)
            if (subscriber.goLiveIfCaughtUp(push::livePosition)) {
                return;
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Offers the log from the session's mark to its current end; true once the session is live or gone. */
    private boolean readToEnd(Subscriber subscriber) {
        GlobalSequenceTrackingToken after = new GlobalSequenceTrackingToken(subscriber.mark());
        try (Stream<? extends TrackedEventMessage<?>> log = store.readEvents(after, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = log.iterator();
            while (events.hasNext()) {
                if (!offer(subscriber, events.next())) {
                    return true;
                }
            }
        }
        return subscriber.goLiveIfCaughtUp(push::livePosition);
    }

    private boolean offer(Subscriber subscriber, TrackedEventMessage<?> message) {
        long position = LivePush.position(message.trackingToken());
        if (!(message.getPayload() instanceof AlertEvent event)) {
            return subscriber.offerCaughtUp(position, null, false, push::livePosition, push::send);
        }
        Optional<Audience> audience = push.audience(event, position);
        boolean entitled = LivePush.entitled(audience, event, subscriber);
        Object pushed = entitled ? AlertMessages.of(event, position, message.getTimestamp()) : null;
        return subscriber.offerCaughtUp(position, pushed, entitled, push::livePosition, push::send);
    }

    void stop() {
        pool.shutdownNow();
    }
}
