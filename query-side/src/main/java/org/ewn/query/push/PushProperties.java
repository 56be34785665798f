package org.ewn.query.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live push ({@code ewn.push.*}).
 *
 * @param catchUpLimit   how far behind the log's live end a reconnecting client's {@code last-position} may be, in
 *                       events of the whole log; further back it is refused and the client reloads its inbox
 * @param catchUpThreads how many catch-ups read the log at once; more wait their turn, and stay off the live tail
 *                       until their own catch-up has run
 * @param knownAlerts    how many alerts' addressees and originators are kept in memory; others are read again from
 *                       the alert's own events when one of their events comes
 */
@ConfigurationProperties("ewn.push")
record PushProperties(@DefaultValue("10000") long catchUpLimit,
                      @DefaultValue("4") int catchUpThreads,
                      @DefaultValue("10000") int knownAlerts) {

    PushProperties {
        if (catchUpLimit < 0 || catchUpThreads < 1 || knownAlerts < 1) {
            throw new IllegalArgumentException(
                    "ewn.push: catch-up-limit >= 0, catch-up-threads and known-alerts >= 1");
        }
    }
}
