package org.ewn.query.push;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * The upgrade to a WebSocket at {@code /ws}, which agrees to no extension a client asks for, above all the
 * per-message compression ({@code permessage-deflate}, RFC 7692) that browsers ask for:
 * <ul>
 * <li>Compression leaks what it compresses. The frames to a session share one compression context, so how small an
 * alert's frame comes out shows how much of it repeats what the same officer was sent before: anyone who can raise
 * alerts to that member with text of their choosing, and watch the size of the encrypted traffic, could test guesses
 * at another alert's text, as CRIME and BREACH did with HTTPS.</li>
 * <li>Live push writes one frame for every addressed session, and compressing it cost about three times what writing
 * it does: the senders took 59.7 µs of CPU a frame with compression against 14.1 without, in the README's profile
 * runs of 1,000 sessions.</li>
 * <li>A compressing session holds zlib's state outside the heap for as long as it is connected: 256 KB to compress
 * and about 44 KB to decompress with the container's settings, as zlib documents them.</li>
 * </ul>
 * A frame of an alert is under a kilobyte of JSON, which costs an officer's link little.
 * <p>
 * Leaving the extensions out of what the handshake handler selects is not enough: Tomcat reads the client's request
 * again and agrees to any extension it has installed. So the container is shown the request without its
 * {@code Sec-WebSocket-Extensions} header.
 */
final class UncompressedUpgrade extends StandardWebSocketUpgradeStrategy {

    private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    /** None, so that the handshake handler selects none of those the client asks for. */
    @Override
    public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
        return List.of();
    }

    @Override
    public void upgrade(ServerHttpRequest request, ServerHttpResponse response, String selectedProtocol,
                        List<WebSocketExtension> selectedExtensions, Principal user, WebSocketHandler handler,
                        Map<String, Object> attributes) throws HandshakeFailureException {
        HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        super.upgrade(new ServletServerHttpRequest(new WithoutExtensions(servletRequest)), response, selectedProtocol,
                      selectedExtensions, user, handler, attributes);
    }

    /** The request as the container is to see it: without the extensions its client asked for. */
    private static final class WithoutExtensions extends HttpServletRequestWrapper {

        WithoutExtensions(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !EXTENSIONS.equalsIgnoreCase(name)).toList());
        }
    }
}
