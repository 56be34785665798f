package org.ewn.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

import java.util.Locale;
import java.util.Set;

/** Tells the console's requests, which a browser makes with its cookies, from those of programs. */
final class BrowserRequests {

    private static final String SESSION = "/api/v1/session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private BrowserRequests() {
    }

    /**
     * An unsafe request needs the CSRF token when a browser's cookie could make it count as a signed-in session's: it
     * carries a session cookie, or it signs in or out (so that no other site can sign a browser in to an account of
     * its choosing). Exempt are HTTP Basic calls without a session cookie (programs; a page of another site cannot set
     * the header) and signed submissions, which authenticate themselves and which no page of another site can send,
     * as {@code application/jose} and {@code application/ewn-submission+json} (a signed submission with the keys of
     * its personal data) are not content types a form may post. A request with no session cookie at all
     * rides on nothing and is judged by its own credentials.
     */
    static boolean needCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String contentType = request.getContentType();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/jose") || type.startsWith("application/ewn-submission+json")) {
            return false;
        }
        boolean sessionCookie = request.getRequestedSessionId() != null;
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && !sessionCookie) {
            return false;
        }
        return sessionCookie || request.getRequestURI().startsWith(request.getContextPath() + SESSION);
    }

    /**
     * A {@code WWW-Authenticate: Basic} challenge makes a browser pop up its own password dialog, even for a script's
     * request; the console has its own sign-in, so its requests (those with a session cookie, those its script makes,
     * and the sign-in endpoint's) get the 401 problem without the challenge.
     */
    static boolean mayChallenge(HttpServletRequest request) {
        String fetchMode = request.getHeader("Sec-Fetch-Mode");
        boolean script = fetchMode != null && !"navigate".equalsIgnoreCase(fetchMode);
        return !script && request.getRequestedSessionId() == null
               && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
               && !request.getRequestURI().startsWith(request.getContextPath() + SESSION);
    }
}
