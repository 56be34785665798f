package org.ewn.command.submission;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.api.membership.MembershipEvent;
import org.ewn.trust.EnvelopeVerifier;
import org.ewn.trust.NetworkMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The membership the gate checks submissions against: the network aggregate's events, folded. This node's own
 * membership changes apply as soon as they are recorded ({@link #refresh()} after each); those of other nodes within
 * {@code ewn.trust.refresh-interval}, and at once when a submission names a key not known yet.
 */
@Component
public class TrustRegistry implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrustRegistry.class);

    private final EventStore events;
    private final String network;
    private final ScheduledExecutorService follower;
    private final Map<String, EnvelopeVerifier> verifiers = new ConcurrentHashMap<>();
    private volatile NetworkMembership current = new NetworkMembership();

    TrustRegistry(EventStore events, TrustProperties properties) {
        this.events = events;
        this.network = properties.network();
        this.follower = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ewn-trust-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, properties.refreshInterval().toMillis());
        follower.scheduleWithFixedDelay(this::refreshQuietly, 0, interval, TimeUnit.MILLISECONDS);
    }

    public NetworkMembership current() {
        return current;
    }

    /** Reads the membership events recorded since the last read. */
    public synchronized NetworkMembership refresh() {
        NetworkMembership next = null;
        DomainEventStream stream = events.readEvents(network, current.version() + 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof MembershipEvent event) {
                if (next == null) {
                    next = current.copy();
                }
                next.apply(event, message.getSequenceNumber());
            }
        }
        if (next != null) {
            current = next;
        }
        return current;
    }

    /** The key converted once into its verifying form; keys never change, only their revocation does. */
    EnvelopeVerifier verifier(NetworkMembership.Key key) {
        return verifiers.computeIfAbsent(key.keyId(), id -> EnvelopeVerifier.of(key.certificate().getPublicKey()));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not read membership changes; retrying: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        follower.shutdownNow();
    }
}
