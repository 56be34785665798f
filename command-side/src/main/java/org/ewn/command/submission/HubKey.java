package org.ewn.command.submission;

import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.KeyStores;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.SignedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The key the hub signs its receipts with, from a PKCS#12 file (alias {@value #ALIAS}). It is read once every bean
 * exists, so that a setup bean (the demo network's) may write it first, and before the node serves requests, so that
 * a wrong path or password stops the start rather than the first submission. Without a file, the hub creates a key
 * certified by a throwaway CA of its own, and says so: receipts then verify against the published certificate only.
 */
@Component
public class HubKey implements SmartInitializingSingleton {

    public static final String ALIAS = "hub";
    private static final Logger log = LoggerFactory.getLogger(HubKey.class);

    private final Path keystore;
    private final String configuredPassword;
    private volatile Loaded loaded;

    HubKey(TrustProperties properties) {
        this.keystore = properties.hubKeystore();
        this.configuredPassword = properties.hubKeystorePassword();
    }

    /** The file the password is read from when none is configured. */
    public static Path passwordFile(Path keystore) {
        return keystore.resolveSibling(keystore.getFileName() + ".password");
    }

    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    IssuedKey key() {
        return load().key();
    }

    String keyId() {
        return load().keyId();
    }

    /**
     * Signs {@code payload} as a JWS typed {@code type} with the receipt key, for what the hub attests besides
     * receipts (tree heads); the key itself never leaves this class's package.
     */
    public String sign(byte[] payload, String type) {
        return SignedEnvelope.sign(payload, keyId(), type, key().privateKey());
    }

    /** The hub's certificate and those above it, leaf first. */
    public List<java.security.cert.X509Certificate> certificates() {
        IssuedKey key = load().key();
        List<java.security.cert.X509Certificate> all = new java.util.ArrayList<>();
        all.add(key.certificate());
        all.addAll(key.chain());
        return all;
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = read();
                }
                current = loaded;
            }
        }
        return current;
    }

    private Loaded read() {
        try {
            if (!Files.exists(keystore)) {
                create();
            }
            IssuedKey key = KeyStores.load(keystore, password()).get(ALIAS);
            if (key == null) {
                throw new IllegalStateException(keystore + " holds no key under the alias \"" + ALIAS + "\"");
            }
            return new Loaded(key, KeyIds.of(key.certificate().getPublicKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the hub's receipt key from " + keystore + ": " + e.getMessage(), e);
        }
    }

    private char[] password() throws IOException {
        if (configuredPassword != null && !configuredPassword.isBlank()) {
            return configuredPassword.toCharArray();
        }
        Path file = passwordFile(keystore);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No password for the hub's receipt key " + keystore + ": set "
                    + "ewn.trust.hub-keystore-password (EWN_TRUST_HUB_KEYSTORE_PASSWORD) or write it to " + file);
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
    }

    private void create() throws IOException {
        Instant now = Instant.now();
        IssuedKey local = NetworkPki.root("EWN hub (uncertified)", now, now.plus(Duration.ofDays(3650)));
        IssuedKey hub = NetworkPki.signingKey(local, ALIAS, KeyKind.ED25519, now, now.plus(Duration.ofDays(3650)));
        char[] password = configuredPassword == null || configuredPassword.isBlank()
                ? writePasswordFile(passwordFile(keystore)) : configuredPassword.toCharArray();
        KeyStores.save(keystore, password, Map.of(ALIAS, hub));
        log.warn("Created an uncertified receipt key for the hub in {}; receipts verify only against the certificate "
                 + "the hub publishes. Have the network root certify a hub key for real use.", keystore);
    }

    /** Writes a new random password, readable by its owner only, and returns it. */
    public static char[] writePasswordFile(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("No POSIX permissions on this file system for {}", file);
        }
        return password.toCharArray();
    }

    private record Loaded(IssuedKey key, String keyId) {
    }
}
