package org.ewn.query.push;

import org.springframework.context.event.EventListener;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live connections that signed-in console sessions opened, by HTTP session. When a session ends (signed out,
 * timed out, or replaced by a new sign-in), its connections are ended too, with an ERROR frame saying why: a live
 * connection must not outlive the sign-in that opened it.
 */
@Component
class ConsoleSessions {

    private final Map<String, Set<String>> connections = new ConcurrentHashMap<>();
    private final LivePush push;

    ConsoleSessions(LivePush push) {
        this.push = push;
    }

    void connected(String httpSessionId, String stompSessionId) {
        connections.computeIfAbsent(httpSessionId, id -> ConcurrentHashMap.newKeySet()).add(stompSessionId);
    }

    @EventListener
    void sessionEnded(HttpSessionDestroyedEvent ended) {
        Set<String> open = connections.remove(ended.getId());
        if (open != null) {
            open.forEach(stomp -> push.refuse(stomp, "The signed-in session ended; sign in again"));
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent disconnected) {
        connections.values().forEach(open -> open.remove(disconnected.getSessionId()));
        connections.values().removeIf(Set::isEmpty);
    }
}
