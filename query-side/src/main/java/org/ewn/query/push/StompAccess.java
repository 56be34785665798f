package org.ewn.query.push;

import org.ewn.access.NetworkUser;
import org.ewn.access.Role;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides every inbound STOMP frame: only officers and supervisors connect, authenticated either on the WebSocket
 * handshake (the console's signed-in session, or HTTP Basic for programs) or by the {@code login} and {@code passcode}
 * headers of their CONNECT frame. A session-authenticated CONNECT must carry the session's CSRF token in
 * {@code X-XSRF-TOKEN}, since any page can make a browser open a WebSocket with its cookies. Officers may subscribe to their own alert queue, once per session,
 * optionally from the {@code last-position} they saw, and to their member's cases, once per session; supervisors also
 * to their escalations queue, once per session;
 * nothing else. Clients never send to destinations. Which member's alerts reach a session is decided again at every
 * send by {@link LivePush}.
 */
class StompAccess implements ChannelInterceptor {

    static final String USER_ALERTS = "/user" + WebSocketConfiguration.ALERTS_QUEUE;
    static final String USER_ESCALATIONS = "/user" + WebSocketConfiguration.ESCALATIONS_QUEUE;
    static final String USER_CASES = "/user" + WebSocketConfiguration.CASES_QUEUE;
    /** The SUBSCRIBE header with the position of the last event the client saw; absent for new events only. */
    static final String LAST_POSITION = "last-position";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final AuthenticationManager authentication;
    private final Supplier<LivePush> push;
    private final Supplier<ConsoleSessions> consoleSessions;

    StompAccess(AuthenticationManager authentication, Supplier<LivePush> push,
                Supplier<ConsoleSessions> consoleSessions) {
        this.authentication = authentication;
        this.push = push;
        this.consoleSessions = consoleSessions;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        switch (command) {
            case CONNECT, STOMP -> {
                if (stomp.getUser() == null) {
                    stomp.setUser(login(stomp));
                } else {
                    requireSessionCsrfToken(stomp);
                }
                connecting(stomp.getUser());
            }
            case SUBSCRIBE -> subscribe(stomp);
            case UNSUBSCRIBE -> push.get().unsubscribe(stomp.getSessionId(), stomp.getSubscriptionId());
            case DISCONNECT -> push.get().forget(stomp.getSessionId());
            case SEND -> throw new MessageDeliveryException("Clients do not send over STOMP; submit through the API");
            default -> {
            }
        }
        return message;
    }

    private void subscribe(StompHeaderAccessor stomp) {
        String destination = stomp.getDestination();
        if (USER_ALERTS.equals(destination)) {
            NetworkUser officer = withRole(stomp.getUser(), Role.OFFICER, "Only officers of a member receive live alerts");
            push.get().reserve(stomp.getSessionId(), stomp.getSubscriptionId(), officer, lastPosition(stomp));
        } else if (USER_CASES.equals(destination)) {
            NetworkUser officer = withRole(stomp.getUser(), Role.OFFICER,
                                           "Only officers of a member see its cases live");
            push.get().reserveCases(stomp.getSessionId(), stomp.getSubscriptionId(), officer);
        } else if (USER_ESCALATIONS.equals(destination)) {
            NetworkUser supervisor = withRole(stomp.getUser(), Role.SUPERVISOR,
                                              "Only supervisors are told of escalations");
            push.get().reserveEscalations(stomp.getSessionId(), stomp.getSubscriptionId(), supervisor);
        } else {
            throw new MessageDeliveryException("Subscribe to " + USER_ALERTS + ", " + USER_CASES + " or, as a supervisor, "
                    + USER_ESCALATIONS + "; no other destination exists");
        }
    }

    /** -1 means before the first event: everything the officer may see, within the catch-up bound. */
    private static Long lastPosition(StompHeaderAccessor stomp) {
        String value = stomp.getFirstNativeHeader(LAST_POSITION);
        if (value == null) {
            return null;
        }
        try {
            long position = Long.parseLong(value);
            if (position >= -1) {
                return position;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new MessageDeliveryException(LAST_POSITION + " must be the position of an event (a whole number, "
                + "-1 for before the first), not '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
    }

    /** For a handshake authenticated by the console's session: the CONNECT shows the session's CSRF token. */
    private void requireSessionCsrfToken(StompHeaderAccessor stomp) {
        Map<String, Object> attributes = stomp.getSessionAttributes();
        if (attributes == null || !(attributes.get(ConsoleHandshake.SESSION_CSRF_TOKEN) instanceof String expected)) {
            return;
        }
        String shown = stomp.getFirstNativeHeader(CSRF_HEADER);
        if (expected.isEmpty() || shown == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), shown.getBytes(StandardCharsets.UTF_8))) {
            throw new MessageDeliveryException("A signed-in session connects with the XSRF-TOKEN cookie's value in the "
                                               + CSRF_HEADER + " header");
        }
        if (attributes.get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME) instanceof String httpSession) {
            consoleSessions.get().connected(httpSession, stomp.getSessionId());
        }
    }

    private Authentication login(StompHeaderAccessor stomp) {
        String login = stomp.getLogin();
        String passcode = stomp.getPasscode();
        if (login == null || passcode == null) {
            throw new MessageDeliveryException("Authenticate on the handshake or with login and passcode headers");
        }
        try {
            return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(login, passcode));
        } catch (AuthenticationException e) {
            throw new MessageDeliveryException("Bad credentials");
        }
    }

    static NetworkUser connecting(Principal principal) {
        NetworkUser user = networkUser(principal);
        if (user == null || !(user.hasRole(Role.OFFICER) || user.hasRole(Role.SUPERVISOR))) {
            throw new MessageDeliveryException("Only officers and supervisors of a member receive live alerts");
        }
        return user;
    }

    private static NetworkUser withRole(Principal principal, Role role, String refusal) {
        NetworkUser user = networkUser(principal);
        if (user == null || !user.hasRole(role)) {
            throw new MessageDeliveryException(refusal);
        }
        return user;
    }

    static NetworkUser networkUser(Principal principal) {
        if (principal instanceof Authentication authentication && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof NetworkUser user) {
            return user;
        }
        return null;
    }
}
