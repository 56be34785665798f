package org.ewn.query.push;

import org.ewn.access.NetworkUser;

import java.util.function.LongSupplier;

/**
 * One session's subscription to its alert queue and how far through the log it has been served ({@code mark}):
 * every event at or below the mark was either sent to it or is not for it. Until it is live it takes events only
 * from its own catch-up, which reads the log from the client's {@code last-position}; the live tail passes it by,
 * and the catch-up goes live once its mark reaches the tail's position. Live events at or below the mark are
 * dropped. Everything that reads or moves the mark holds this object's lock, so the two never interleave, and the
 * tail publishes its position before it takes any session's lock: a catch-up that sees the tail's position inside
 * the lock has either read that event itself or will have it sent by the tail. Nothing is skipped and nothing is
 * sent twice.
 */
final class Subscriber {

    /** Sends one message to the subscription, while the caller holds the session's lock. */
    interface Sender {
        void send(Subscriber subscriber, Object message);
    }

    final String sessionId;
    final String subscriptionId;
    final NetworkUser officer;
    /** The client's {@code last-position}; null for only what comes after it subscribed. */
    final Long lastPosition;
    private long mark;
    private boolean live;
    private boolean closed;

    Subscriber(String sessionId, String subscriptionId, NetworkUser officer, Long lastPosition) {
        this.sessionId = sessionId;
        this.subscriptionId = subscriptionId;
        this.officer = officer;
        this.lastPosition = lastPosition;
    }

    /**
     * The broker registered the subscription, so the client has it and frames for it may go. Goes live at once unless
     * the client asked to catch up; returns whether it must catch up.
     */
    synchronized boolean registered(long livePosition) {
        if (lastPosition == null) {
            mark = livePosition;
            live = true;
            return false;
        }
        mark = lastPosition;
        return true;
    }

    synchronized long mark() {
        return mark;
    }

    /** From the live tail: sends an event this session is entitled to, unless it is still catching up or had it. */
    synchronized void offerLive(long position, Object message, boolean entitled, Sender sender) {
        if (live && !closed && position > mark) {
            if (message != null && entitled) {
                sender.send(this, message);
            }
            mark = position;
        }
    }

    /**
     * From the catch-up, every event of the log in order ({@code message} null for those that are not alerts).
     *
     * @return whether the catch-up goes on; false once the session is live or gone
     */
    synchronized boolean offerCaughtUp(long position, Object message, boolean entitled, LongSupplier livePosition,
                                       Sender sender) {
        if (live || closed) {
            return false;
        }
        if (position > mark) {
            if (message != null && entitled) {
                sender.send(this, message);
            }
            mark = position;
        }
        return !goLiveIfCaughtUp(livePosition);
    }

    /** Goes live once the catch-up has reached the live tail; true when the catch-up is over (live or gone). */
    synchronized boolean goLiveIfCaughtUp(LongSupplier livePosition) {
        if (closed || live) {
            return true;
        }
        if (mark >= livePosition.getAsLong()) {
            live = true;
        }
        return live;
    }

    synchronized void close() {
        closed = true;
    }

    synchronized boolean closed() {
        return closed;
    }
}
