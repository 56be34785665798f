package org.ewn.command.submission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the hub trusts submissions and signs its receipts ({@code ewn.trust.*}).
 *
 * @param network             the network's code, which every submission names
 * @param clockSkew           how far a submission's {@code issuedAt} may be from the hub's clock
 * @param rootFingerprint     SHA-256 (hex) of the root certificate a founding over the API must carry; without it the
 *                            API refuses to found the network, so no one can found it first with a root of their own
 * @param hubKeystore         PKCS#12 file with the hub's receipt-signing key (alias {@code hub}); created with an
 *                            uncertified key if missing; by default {@code hub.p12} in the data directory
 * @param hubKeystorePassword its password; if blank, read from the file {@code <hubKeystore>.password}
 * @param refreshInterval     how often the hub reads membership changes that other nodes recorded
 */
@ConfigurationProperties("ewn.trust")
public record TrustProperties(@DefaultValue("EWN") String network,
                              @DefaultValue("5m") Duration clockSkew,
                              String rootFingerprint,
                              Path hubKeystore,
                              String hubKeystorePassword,
                              @DefaultValue("100ms") Duration refreshInterval) {
}
