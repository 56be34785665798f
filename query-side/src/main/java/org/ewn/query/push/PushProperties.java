package org.ewn.query.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Live push ({@code ewn.push.*}).
 *
 * @param catchUpLimit    how far behind the log's live end a reconnecting client's {@code last-position} may be, in
 *                        events of the whole log; further back it is refused and the client reloads its inbox
 * @param catchUpThreads  how many catch-ups read the log at once; more wait their turn, and stay off the live tail
 *                        until their own catch-up has run
 * @param knownAlerts     how many alerts' addressees and originators are kept in memory; others are read again from
 *                        the alert's own events when one of their events comes
 * @param senderThreads   how many threads write frames to sessions, each to one session at a time
 * @param sendBufferLimit how much text may wait for one session while a frame is being written to it (eight times
 *                        as much while the senders are behind); a client further behind is disconnected, and
 *                        resumes from the last position it saw
 * @param sendTimeLimit   how long writing one frame to a session may take; a client that takes no frame for that
 *                        long is disconnected, and resumes from the last position it saw
 */
@ConfigurationProperties("ewn.push")
record PushProperties(@DefaultValue("10000") long catchUpLimit,
                      @DefaultValue("4") int catchUpThreads,
                      @DefaultValue("10000") int knownAlerts,
                      @DefaultValue("4") int senderThreads,
                      @DefaultValue("512KB") DataSize sendBufferLimit,
                      @DefaultValue("10s") Duration sendTimeLimit) {

    PushProperties {
        if (catchUpLimit < 0 || catchUpThreads < 1 || knownAlerts < 1 || senderThreads < 1) {
            throw new IllegalArgumentException(
                    "ewn.push: catch-up-limit >= 0, catch-up-threads, known-alerts and sender-threads >= 1");
        }
        if (sendBufferLimit.toBytes() < 1 || sendTimeLimit.toMillis() < 1) {
            throw new IllegalArgumentException("ewn.push: send-buffer-limit and send-time-limit must be positive");
        }
    }
}
