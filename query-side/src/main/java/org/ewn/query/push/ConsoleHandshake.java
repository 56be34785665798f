package org.ewn.query.push;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.util.Map;

/**
 * Notes on a WebSocket handshake whether its caller is the console's signed-in session (authenticated by its cookie,
 * not by HTTP Basic) and the CSRF token its browser holds, so that its CONNECT can be required to show that token: a
 * page of another site can make a browser open a WebSocket with the console's cookies, but cannot read the token.
 */
final class ConsoleHandshake implements HandshakeInterceptor {

    /** Set, to the browser's XSRF-TOKEN cookie (or ""), when the handshake was authenticated by a session. */
    static final String SESSION_CSRF_TOKEN = "ewn.session-csrf-token";
    private static final String CSRF_COOKIE = "XSRF-TOKEN";

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (request instanceof ServletServerHttpRequest servlet) {
            HttpServletRequest http = servlet.getServletRequest();
            boolean bySession = http.getUserPrincipal() != null && http.getHeader(HttpHeaders.AUTHORIZATION) == null
                                && http.getSession(false) != null;
            if (bySession) {
                attributes.put(SESSION_CSRF_TOKEN, csrfCookie(http));
            }
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static String csrfCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (CSRF_COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
                    return cookie.getValue();
                }
            }
        }
        return "";
    }
}
