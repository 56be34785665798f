package org.ewn.deploy.demo;

import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyKind;
import org.ewn.trust.KeyStores;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.Pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo network's keys, made as a network administrator makes them with the command-line client: a root CA, an
 * administrator key certified by it, the hub's receipt key, and per member a CA and one agency with a signing and an
 * encryption key. Each lives in its own password-protected PKCS#12 file (an agency's signing and encryption keys also
 * in PEM files for the web console); files already there are reused, so a restart, or a setup interrupted half-way, never makes a
 * second set. The files take a light work factor: their
 * password is the demo password or lies next to them.
 */
final class DemoPki {

    static final String ROOT = "root";
    static final String SIGNING = "signing";
    static final String ENCRYPTION = "encryption";
    static final String CA = "ca";

    private final Path dir;
    private final char[] password;
    private final Instant notBefore = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));

    DemoPki(Path dir, char[] password) {
        this.dir = dir;
        this.password = password.clone();
    }

    Path dir() {
        return dir;
    }

    IssuedKey root(String network) throws IOException {
        return single(dir.resolve("root.p12"), ROOT, () -> NetworkPki.root(network, notBefore, years(10)));
    }

    IssuedKey administrator(IssuedKey root, String agency) throws IOException {
        return single(dir.resolve(agency + ".p12"), SIGNING,
                      () -> NetworkPki.signingKey(root, agency, KeyKind.ED25519, notBefore, years(2)));
    }

    IssuedKey memberCa(IssuedKey root, String member, String name) throws IOException {
        return single(dir.resolve(member + "-CA.p12"), CA,
                      () -> NetworkPki.memberCa(root, member, name, notBefore, years(5)));
    }

    /**
     * The agency's signing and encryption keys, by alias. Both private keys are also written as unencrypted PKCS#8
     * PEM files ({@code <agency>-signing-key.pem}, {@code <agency>-encryption-key.pem}), which an officer loads into
     * the web console, where they sign and open sealed content in the browser; like the other demo secrets they are
     * readable by their owner only.
     */
    Map<String, IssuedKey> agency(IssuedKey memberCa, String agency) throws IOException {
        Path file = agencyFile(agency);
        Map<String, IssuedKey> keys;
        if (Files.exists(file)) {
            keys = KeyStores.load(file, password);
        } else {
            keys = new LinkedHashMap<>();
            keys.put(SIGNING, NetworkPki.signingKey(memberCa, agency, KeyKind.ED25519, notBefore, years(2)));
            keys.put(ENCRYPTION, NetworkPki.encryptionKey(memberCa, agency, notBefore, years(2)));
            KeyStores.save(file, password, keys, false, KeyStores.DEMO_ITERATIONS);
        }
        writeIfAbsent(signingKeyFile(agency), Pem.writePrivateKey(keys.get(SIGNING).privateKey()));
        writeIfAbsent(encryptionKeyFile(agency), Pem.writePrivateKey(keys.get(ENCRYPTION).privateKey()));
        return keys;
    }

    Path signingKeyFile(String agency) {
        return dir.resolve(agency + "-signing-key.pem");
    }

    Path encryptionKeyFile(String agency) {
        return dir.resolve(agency + "-encryption-key.pem");
    }

    /** Made with owner-only permissions from the start, so there is no moment at which others could read it. */
    private static void writeIfAbsent(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    /** Writes the hub's receipt key, certified by the root, unless the hub already has one. */
    void hub(IssuedKey root, Path keystore, char[] hubPassword) throws IOException {
        if (!Files.exists(keystore)) {
            KeyStores.save(keystore, hubPassword,
                           Map.of("hub", NetworkPki.signingKey(root, "hub", KeyKind.ED25519, notBefore, years(2))),
                           false, KeyStores.DEMO_ITERATIONS);
        }
    }

    Path agencyFile(String agency) {
        return dir.resolve(agency + ".p12");
    }

    private IssuedKey single(Path file, String alias, Issuer issuer) throws IOException {
        if (Files.exists(file)) {
            return KeyStores.load(file, password).get(alias);
        }
        IssuedKey key = issuer.issue();
        KeyStores.save(file, password, Map.of(alias, key), false, KeyStores.DEMO_ITERATIONS);
        return key;
    }

    private Instant years(int years) {
        return notBefore.plus(Duration.ofDays(365L * years));
    }

    private interface Issuer {
        IssuedKey issue();
    }
}
