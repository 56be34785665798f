package org.ewn.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The officers' web console: how its signed-in sessions behave and who may open its live connection.
 *
 * @param sessionTimeout    a session ends after this long without a request
 * @param allowedOrigins    origins besides the application's own from which a browser may open {@code /ws}, such as
 *                          {@code https://console.example.org}; none by default
 * @param signInAttempts    failed sign-ins for one username, or from one address, before further ones are refused
 * @param signInLockout     how long they are then refused, and how long a failure is remembered
 */
@ConfigurationProperties("ewn.console")
public record ConsoleProperties(@DefaultValue("30m") Duration sessionTimeout,
                                @DefaultValue List<String> allowedOrigins,
                                @DefaultValue("5") int signInAttempts,
                                @DefaultValue("1m") Duration signInLockout) {

    public ConsoleProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (sessionTimeout.isNegative() || sessionTimeout.isZero() || signInAttempts < 1 || signInLockout.isNegative()) {
            throw new IllegalArgumentException(
                    "ewn.console: session-timeout > 0, sign-in-attempts >= 1, sign-in-lockout >= 0");
        }
    }

    public int sessionTimeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, sessionTimeout.toSeconds());
    }
}
