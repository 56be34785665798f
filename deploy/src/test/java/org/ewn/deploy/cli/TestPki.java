package org.ewn.deploy.cli;

import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyKind;
import org.ewn.trust.KeyStores;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.Pem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's keys made in memory, with the key stores and PEM files the client reads written to a directory:
 * root, the KZ member CA, the agency KZ-MVD (signing and encryption), the administrator EWN-ADMIN and the hub.
 */
final class TestPki {

    static final String PASSWORD = "correct horse battery staple";

    final IssuedKey root;
    final IssuedKey ca;
    final IssuedKey agency;
    final IssuedKey agencyEncryption;
    final IssuedKey administrator;
    final IssuedKey hub;

    final Path rootStore;
    final Path rootPem;
    final Path caStore;
    final Path agencyStore;
    final Path administratorStore;
    final Path hubPem;

    TestPki(Path directory) throws IOException {
        Instant now = Instant.now();
        Instant start = now.minus(Duration.ofHours(1));
        Instant end = now.plus(Duration.ofDays(30));
        root = NetworkPki.root("EWN", start, end);
        ca = NetworkPki.memberCa(root, "KZ", "Kazakhstan", start, end);
        agency = NetworkPki.signingKey(ca, "KZ-MVD", KeyKind.ED25519, start, end);
        agencyEncryption = NetworkPki.encryptionKey(ca, "KZ-MVD", start, end);
        administrator = NetworkPki.signingKey(root, "EWN-ADMIN", KeyKind.ED25519, start, end);
        hub = NetworkPki.signingKey(root, "hub", KeyKind.ED25519, start, end);

        rootStore = save(directory.resolve("root.p12"), Map.of(KeyFiles.ROOT, root));
        caStore = save(directory.resolve("KZ-CA.p12"), Map.of(KeyFiles.CA, ca));
        Map<String, IssuedKey> agencyKeys = new LinkedHashMap<>();
        agencyKeys.put(KeyFiles.SIGNING, agency);
        agencyKeys.put(KeyFiles.ENCRYPTION, agencyEncryption);
        agencyStore = save(directory.resolve("KZ-MVD.p12"), agencyKeys);
        administratorStore = save(directory.resolve("EWN-ADMIN.p12"), Map.of(KeyFiles.SIGNING, administrator));
        rootPem = pem(directory.resolve("root.crt"), root.certificate());
        hubPem = pem(directory.resolve("hub.pem"), hub.certificate(), root.certificate());
    }

    private static Path save(Path file, Map<String, IssuedKey> entries) throws IOException {
        KeyStores.save(file, PASSWORD.toCharArray(), entries, false, KeyStores.DEMO_ITERATIONS);
        return file;
    }

    static Path pem(Path file, X509Certificate... certificates) throws IOException {
        Files.writeString(file, Pem.writeCertificates(List.of(certificates)));
        return file;
    }
}
