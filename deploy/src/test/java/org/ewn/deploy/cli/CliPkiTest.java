package org.ewn.deploy.cli;

import org.ewn.trust.CertificatePath;
import org.ewn.trust.CertificatePath.Purpose;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.KeyStores;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.Pem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The pki commands build a chain the hub's own check accepts: root → member CA → agency; root → administrator, hub. */
class CliPkiTest {

    private static final String PASSWORD = "pki-test-password";
    private static final Terminal TERMINAL = Terminal.withPassword(PASSWORD);

    @TempDir
    static Path directory;

    private static Terminal.Result root;
    private static Map<String, IssuedKey> rootStore;
    private static Map<String, IssuedKey> caStore;
    private static Map<String, IssuedKey> agencyStore;
    private static Map<String, IssuedKey> administratorStore;
    private static Map<String, IssuedKey> hubStore;

    @BeforeAll
    static void createTheNetworksKeys() throws IOException {
        root = TERMINAL.run("pki", "root", "--network", "EWN", "--out", file("root.p12"));
        assertThat(root.exitCode()).as(root.toString()).isZero();
        run("pki", "member-ca", "--root", file("root.p12"), "--member", "KZ", "--name", "Kazakhstan",
                "--out", file("KZ-CA.p12"));
        run("pki", "agency", "--ca", file("KZ-CA.p12"), "--agency", "KZ-MVD", "--signing", "p256",
                "--out", file("KZ-MVD.p12"));
        run("pki", "administrator", "--root", file("root.p12"), "--agency", "EWN-ADMIN", "--out", file("EWN-ADMIN.p12"));
        run("pki", "hub", "--root", file("root.p12"), "--out", file("hub.p12"));
        rootStore = load("root.p12");
        caStore = load("KZ-CA.p12");
        agencyStore = load("KZ-MVD.p12");
        administratorStore = load("EWN-ADMIN.p12");
        hubStore = load("hub.p12");
    }

    @Test
    void agencyKeysChainThroughTheMemberCaToTheRoot() {
        X509Certificate rootCertificate = rootStore.get("root").certificate();
        IssuedKey ca = caStore.get("ca");
        IssuedKey signing = agencyStore.get("signing");
        IssuedKey encryption = agencyStore.get("encryption");
        Instant now = Instant.now();

        assertThatNoException().isThrownBy(() -> {
            CertificatePath.check(ca.certificate(), List.of(), rootCertificate, now, Purpose.CA);
            CertificatePath.check(signing.certificate(), List.of(ca.certificate()), rootCertificate, now, Purpose.SIGNING);
            CertificatePath.check(encryption.certificate(), List.of(ca.certificate()), rootCertificate, now,
                    Purpose.ENCRYPTION);
        });
        assertThat(NetworkPki.holder(signing.certificate())).isEqualTo("KZ-MVD");
        assertThat(NetworkPki.member(ca.certificate())).isEqualTo("KZ");
        assertThat(KeyKind.of(signing.certificate().getPublicKey())).isEqualTo(KeyKind.P256);
        assertThat(KeyKind.of(encryption.certificate().getPublicKey())).isEqualTo(KeyKind.X25519);
        assertThat(signing.chain()).containsExactly(ca.certificate(), rootCertificate);
        assertThat(ca.chain()).containsExactly(rootCertificate);
    }

    @Test
    void administratorAndHubAreCertifiedByTheRootItself() {
        X509Certificate rootCertificate = rootStore.get("root").certificate();
        X509Certificate administrator = administratorStore.get("signing").certificate();
        X509Certificate hub = hubStore.get("hub").certificate();

        assertThatNoException().isThrownBy(() -> {
            CertificatePath.check(administrator, List.of(), rootCertificate, Instant.now(), Purpose.SIGNING);
            CertificatePath.check(hub, List.of(), rootCertificate, Instant.now(), Purpose.SIGNING);
        });
        assertThat(NetworkPki.holder(administrator)).isEqualTo("EWN-ADMIN");
        assertThat(NetworkPki.member(administrator)).isEqualTo("EWN");
        assertThat(NetworkPki.holder(hub)).isEqualTo("hub");
        assertThat(KeyKind.of(administrator.getPublicKey())).isEqualTo(KeyKind.ED25519);
    }

    @Test
    void rootPrintsTheFingerprintOfTheCertificateItWritesNextToTheKeyStore() throws Exception {
        Matcher printed = Pattern.compile("root fingerprint \\(SHA-256\\): ([0-9a-f]{64})").matcher(root.out());
        assertThat(printed.find()).as(root.out()).isTrue();

        X509Certificate written = Pem.readCertificates(Files.readString(directory.resolve("root.crt"))).get(0);
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(written.getEncoded()));
        assertThat(printed.group(1)).isEqualTo(fingerprint);
        assertThat(written).isEqualTo(rootStore.get("root").certificate());
        assertThat(written.getBasicConstraints()).isEqualTo(1);
    }

    @Test
    void showPrintsTheKidAndCertificateOfEachAliasButNoPrivateKey() {
        Terminal.Result shown = TERMINAL.run("pki", "show", file("KZ-MVD.p12"));

        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        for (String alias : List.of("signing", "encryption")) {
            IssuedKey key = agencyStore.get(alias);
            assertThat(shown.out())
                    .contains("alias " + alias)
                    .contains("kid:         " + KeyIds.of(key.certificate().getPublicKey()))
                    .contains("certificate: " + Base64.getEncoder().encodeToString(NetworkPki.der(key.certificate())))
                    .doesNotContain(Base64.getEncoder().encodeToString(key.privateKey().getEncoded()));
        }
        assertThat(shown.out()).contains("key:         P256").contains("key:         X25519")
                .contains("subject:     CN=KZ-MVD,OU=KZ,O=EWN");
    }

    @Test
    void showReadsAPemCertificateWithoutAPassword() {
        Terminal.Result shown = new Terminal().run("pki", "show", file("root.crt"));

        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("kid:         " + KeyIds.of(rootStore.get("root").certificate().getPublicKey()));
    }

    @Test
    void neverOverwritesAKeyStore() throws IOException {
        byte[] before = Files.readAllBytes(directory.resolve("root.p12"));

        Terminal.Result again = TERMINAL.run("pki", "root", "--out", file("root.p12"), "--cert-out", file("other.crt"));

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("root.p12 already exists");
        assertThat(Files.readAllBytes(directory.resolve("root.p12"))).isEqualTo(before);
        assertThat(directory.resolve("other.crt")).doesNotExist();
    }

    @Test
    void aMemberCaCertifiesOnlyItsOwnMembersAgencies() {
        Terminal.Result refused = TERMINAL.run("pki", "agency", "--ca", file("KZ-CA.p12"), "--agency", "UZ-MVD",
                "--out", file("UZ-MVD.p12"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("the CA of KZ cannot certify UZ-MVD");
        assertThat(directory.resolve("UZ-MVD.p12")).doesNotExist();
    }

    @Test
    void anAdministratorBelongsToTheNetworkItself() {
        Terminal.Result refused = TERMINAL.run("pki", "administrator", "--root", file("root.p12"), "--agency", "KZ-ADMIN",
                "--out", file("KZ-ADMIN.p12"));

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("starts with the network's code: EWN-");
        assertThat(directory.resolve("KZ-ADMIN.p12")).doesNotExist();
    }

    @Test
    void theNewKeyStoreMayHaveAPasswordOfItsOwn() throws IOException {
        Terminal.Result created = Terminal.withPassword(PASSWORD).variable("CA_PASSWORD", "another password")
                .run("pki", "member-ca", "--root", file("root.p12"), "--member", "KG", "--name", "Kyrgyzstan",
                        "--out", file("KG-CA.p12"), "--out-password-env", "CA_PASSWORD", "--days", "99999");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        IssuedKey ca = KeyStores.load(directory.resolve("KG-CA.p12"), "another password".toCharArray()).get("ca");
        assertThat(NetworkPki.member(ca.certificate())).isEqualTo("KG");
        // a CA never outlives the root that certifies it
        assertThat(ca.certificate().getNotAfter()).isEqualTo(rootStore.get("root").certificate().getNotAfter());
        assertThat(created.out()).contains("cut to the end of its issuer");
    }

    private static void run(String... args) {
        Terminal.Result result = TERMINAL.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    private static Map<String, IssuedKey> load(String name) throws IOException {
        return KeyStores.load(directory.resolve(name), PASSWORD.toCharArray());
    }

    private static String file(String name) {
        return directory.resolve(name).toString();
    }
}
