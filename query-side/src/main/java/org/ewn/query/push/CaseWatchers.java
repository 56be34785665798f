package org.ewn.query.push;

import org.ewn.access.NetworkUser;
import org.ewn.api.casework.CaseStatusChanged;
import org.ewn.api.member.MemberCode;
import org.springframework.messaging.MessageDeliveryException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of officers subscribed to {@code /user/queue/cases}, once each: every change of status of a referral
 * or case transfer goes to those whose member is among the case's {@link CaseStatusChanged#members()}, checked at
 * every send. Live only: what an officer missed while away is in the lists of referrals and transfers.
 */
final class CaseWatchers {

    /** Sends one message to a session's subscription. */
    interface Sender {
        void send(String sessionId, String subscriptionId, Object message);
    }

    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();

    void reserve(String sessionId, String subscriptionId, NetworkUser officer) {
        if (watchers.putIfAbsent(sessionId, new Watcher(subscriptionId, officer.member(), false)) != null) {
            throw new MessageDeliveryException("This session already subscribed to " + StompAccess.USER_CASES);
        }
    }

    /** The broker registered the session's subscription; it can receive from now on. */
    void registered(String sessionId) {
        watchers.computeIfPresent(sessionId, (id, watcher) -> watcher.asRegistered());
    }

    void forget(String sessionId) {
        watchers.remove(sessionId);
    }

    void unsubscribe(String sessionId, String subscriptionId) {
        watchers.computeIfPresent(sessionId, (id, w) -> w.subscriptionId().equals(subscriptionId) ? null : w);
    }

    /** Converts the message once, and only if some session is to have it. */
    void push(CaseStatusChanged changed, long position, java.util.function.Function<Object, Object> convert,
              Sender sender) {
        if (watchers.isEmpty()) {
            return;
        }
        Object converted = null;
        for (Map.Entry<String, Watcher> entry : watchers.entrySet()) {
            Watcher watcher = entry.getValue();
            if (watcher.registered() && entitled(changed, watcher.member())) {
                if (converted == null) {
                    converted = convert.apply(CaseMessage.of(changed, position));
                }
                sender.send(entry.getKey(), watcher.subscriptionId(), converted);
            }
        }
    }

    static boolean entitled(CaseStatusChanged changed, MemberCode member) {
        return changed.members().contains(member);
    }

    private record Watcher(String subscriptionId, MemberCode member, boolean registered) {

        Watcher asRegistered() {
            return new Watcher(subscriptionId, member, true);
        }
    }
}
