package org.ewn.command.callback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the hub calls agencies back ({@code ewn.callbacks.*}).
 *
 * @param allowInsecureLocalhost accept {@code http://localhost} and {@code http://127.0.0.1} URLs besides https ones;
 *                               for a demo or a test on one machine only (the all-in-one sets it with the demo)
 * @param initialDelay           the wait after the first failed attempt; each next one is {@code multiplier} longer
 * @param maxDelay               the longest wait between two attempts
 * @param maxAttempts            attempts in all before a notification is given up
 * @param maxAge                 how long after it was queued a notification is still tried
 * @param timeout                how long one attempt may take, connecting and answering
 * @param pollInterval           how often a node looks for notifications that are due
 * @param batch                  how many due notifications a node takes at a time
 * @param lease                  how long a node holds a notification it is sending before another node may take it
 */
@ConfigurationProperties("ewn.callbacks")
record CallbackProperties(@DefaultValue("false") boolean allowInsecureLocalhost,
                          @DefaultValue("1s") Duration initialDelay,
                          @DefaultValue("2") double multiplier,
                          @DefaultValue("15m") Duration maxDelay,
                          @DefaultValue("20") int maxAttempts,
                          @DefaultValue("24h") Duration maxAge,
                          @DefaultValue("10s") Duration timeout,
                          @DefaultValue("500ms") Duration pollInterval,
                          @DefaultValue("20") int batch,
                          @DefaultValue("1m") Duration lease) {

    CallbackProperties {
        if (multiplier < 1 || maxAttempts < 1 || batch < 1 || initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("ewn.callbacks: multiplier >= 1, max-attempts and batch >= 1, "
                                               + "delays not negative");
        }
    }

    Backoff backoff() {
        return new Backoff(initialDelay, multiplier, maxDelay);
    }
}
