package org.ewn.command.callback;

import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What a callback URL may be: absolute https with a host, no user name or password in it, no fragment. Plain http
 * only to this machine, and only where {@code ewn.callbacks.allow-insecure-localhost} is set.
 */
final class CallbackUrls {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private CallbackUrls() {
    }

    static String check(String url, boolean allowInsecureLocalhost) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw invalid("url is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("url must be an absolute https URL with a host, and no user information or fragment");
        }
        boolean local = LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (scheme.equals("https") || (scheme.equals("http") && local && allowInsecureLocalhost)) {
            return uri.toString();
        }
        throw invalid(scheme.equals("http") && local
                ? "url must be https; http://localhost is accepted only where ewn.callbacks.allow-insecure-localhost "
                  + "is set"
                : "url must be https");
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemTypes.INVALID_REQUEST, 400, detail);
    }
}
