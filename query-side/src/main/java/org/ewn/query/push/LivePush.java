package org.ewn.query.push;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.access.NetworkUser;
import org.ewn.access.Role;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.inbox.InboxAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Follows the tail of the event log and pushes each alert to the connected officers of its addressed
 * members. Every node runs its own, for the sessions it holds, so a push never depends on which node
 * handled the command. A client that was away catches up from its inbox.
 */
@Component
class LivePush implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LivePush.class);

    private final EventStore events;
    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry users;
    private volatile Thread follower;
    private volatile boolean running;

    LivePush(EventStore events, SimpMessagingTemplate messaging, SimpUserRegistry users) {
        this.events = events;
        this.messaging = messaging;
        this.users = users;
    }

    @Override
    public void start() {
        running = true;
        TrackingToken head = events.createHeadToken();
        Thread thread = new Thread(() -> follow(head), "live-push");
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
                        position = message.trackingToken();
                        if (message.getPayload() instanceof AlertEvent event) {
                            push(event, message);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Live push lost the event stream; reopening at {}", position, e);
                pause();
            }
        }
    }

    private void push(AlertEvent event, TrackedEventMessage<?> message) {
        event.dispatch(new AlertEvent.Cases<Void>() {
            @Override
            public Void raised(AlertRaised raised) {
                InboxAlert alert = new InboxAlert(raised.alertId(), position(message.trackingToken()),
                        raised.originator(), raised.addressees(), raised.precedence(), raised.category(),
                        raised.title(), raised.text(), raised.submittedAt(), message.getTimestamp(), raised.details(),
                        raised.acknowledgeBy(), List.of(), List.of(), null);
                for (SimpUser user : users.getUsers()) {
                    NetworkUser officer = StompAccess.networkUser(user.getPrincipal());
                    if (officer != null && officer.hasRole(Role.OFFICER) && raised.isAddressedTo(officer.member())) {
                        messaging.convertAndSendToUser(user.getName(), WebSocketConfiguration.ALERTS_QUEUE, alert);
                    }
                }
                return null;
            }

            // acknowledgements and withdrawals show in the inbox; changes to an alert are not pushed live yet
            @Override
            public Void acknowledged(AlertAcknowledged acknowledged) {
                return null;
            }

            @Override
            public Void withdrawn(AlertWithdrawn withdrawn) {
                return null;
            }

            @Override
            public Void followedUp(AlertFollowedUp followedUp) {
                return null;
            }

            @Override
            public Void sharingRequested(OnwardSharingRequested requested) {
                return null;
            }

            @Override
            public Void sharingDecided(OnwardSharingDecided decided) {
                return null;
            }

            @Override
            public Void escalated(AlertEscalated escalated) {
                return null;
            }
        });
    }

    private static long position(TrackingToken token) {
        return token instanceof GlobalSequenceTrackingToken global ? global.getGlobalIndex()
                : token.position().orElse(-1L);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = follower;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
