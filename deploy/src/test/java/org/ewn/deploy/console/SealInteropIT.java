package org.ewn.deploy.console;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.ewn.seal.SealRecipient;
import org.ewn.seal.SealedContent;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.KeyStores;
import org.ewn.trust.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealed content crosses between the hub's Java codec and the console's WebCrypto one both ways, with the demo
 * agencies' X25519 keys as the PKCS#8 PEM files the demo network writes for the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ewn.data.dir=target/it-data/network",
        "ewn.demo.password=" + Hub.DEMO_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealInteropIT {

    private static final byte[] PLAINTEXT = "Ребёнок пропал у пограничного перехода; last seen 09:30 UTC"
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void browserOpensWhatJavaSealedWithEachRecipientsPemKey() throws Exception {
        IssuedKey uz = encryptionKey("UZ-DEMO");
        IssuedKey tj = encryptionKey("TJ-DEMO");
        SealedContent sealed = SealedContent.seal(PLAINTEXT,
                List.of(SealRecipient.of(uz.certificate()), SealRecipient.of(tj.certificate())));

        browser.open("");
        for (String agency : List.of("UZ-DEMO", "TJ-DEMO")) {
            Map<String, Object> opened = (Map<String, Object>) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    (async () => {
                        const key = await Ewn.seal.importPrivateKeyPem(arguments[1]);
                        const plaintext = await Ewn.seal.open(JSON.parse(arguments[0]), key.kid, key.privateKey);
                        done({kid: key.kid, extractable: key.privateKey.extractable,
                            plaintext: Ewn.jws.base64url(plaintext)});
                    })().catch((e) => done({error: String(e)}));
                    """, sealed.toJson(), encryptionKeyPem(agency));

            assertThat(opened.get("error")).as(agency).isNull();
            assertThat(opened.get("kid")).as(agency)
                    .isEqualTo(KeyIds.of(encryptionKey(agency).certificate().getPublicKey()));
            assertThat(opened.get("extractable")).isEqualTo(false);
            assertThat(Base64.getUrlDecoder().decode((String) opened.get("plaintext"))).as(agency).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void javaOpensWhatTheBrowserSealed() {
        IssuedKey uz = encryptionKey("UZ-DEMO");
        IssuedKey tj = encryptionKey("TJ-DEMO");
        byte[] tjRaw = SubjectPublicKeyInfo.getInstance(tj.certificate().getPublicKey().getEncoded())
                .getPublicKeyData().getOctets();

        browser.open("");
        // one recipient by its certificate's SubjectPublicKeyInfo, the other by its key's raw 32 bytes
        Map<String, Object> sealed = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
                (async () => {
                    const uz = await Ewn.seal.importPublicKeySpki(bytes(arguments[1]));
                    const jwe = await Ewn.seal.seal(bytes(arguments[0]),
                        [uz, {kid: arguments[2], publicKey: bytes(arguments[3])}]);
                    done({kid: uz.kid, jwe: JSON.stringify(jwe)});
                })().catch((e) => done({error: String(e)}));
                """, base64(PLAINTEXT), base64(uz.certificate().getPublicKey().getEncoded()),
                KeyIds.of(tj.certificate().getPublicKey()), base64(tjRaw));

        assertThat(sealed.get("error")).isNull();
        assertThat(sealed.get("kid")).isEqualTo(KeyIds.of(uz.certificate().getPublicKey()));
        SealedContent content = SealedContent.parse((String) sealed.get("jwe"));
        assertThat(content.recipientKeyIds()).containsExactly(KeyIds.of(uz.certificate().getPublicKey()),
                KeyIds.of(tj.certificate().getPublicKey()));
        assertThat(content.open(KeyIds.of(uz.certificate().getPublicKey()), uz.privateKey())).isEqualTo(PLAINTEXT);
        assertThat(content.open(KeyIds.of(tj.certificate().getPublicKey()), tj.privateKey())).isEqualTo(PLAINTEXT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void browserCannotOpenWithAKeyItWasNotSealedForNorReadAnotherForm() {
        IssuedKey uz = encryptionKey("UZ-DEMO");
        KeyPair stranger = KeyKind.X25519.generate();
        SealedContent sealed = SealedContent.seal(PLAINTEXT, List.of(SealRecipient.of(uz.certificate())));

        browser.open("");
        Map<String, Object> tried = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const attempt = (promise) => promise.then(() => 'opened', (e) => e.message);
                (async () => {
                    const jwe = JSON.parse(arguments[0]);
                    const kz = await Ewn.seal.importPrivateKeyPem(arguments[1]);
                    const stranger = await Ewn.seal.importPrivateKeyPem(arguments[2]);
                    const otherAlg = JSON.parse(arguments[0]);
                    otherAlg.recipients[0].header.alg = 'ECDH-ES';
                    done({ownKid: await attempt(Ewn.seal.open(jwe, kz.kid, kz.privateKey)),
                        recipientsKid: await attempt(Ewn.seal.open(jwe, arguments[3], stranger.privateKey)),
                        otherAlg: await attempt(Ewn.seal.open(otherAlg, kz.kid, kz.privateKey))});
                })().catch((e) => done({error: String(e)}));
                """, sealed.toJson(), encryptionKeyPem("KZ-DEMO"), Pem.writePrivateKey(stranger.getPrivate()),
                KeyIds.of(uz.certificate().getPublicKey()));

        assertThat(tried.get("error")).isNull();
        assertThat(tried).containsEntry("ownKid", "cannot-open").containsEntry("recipientsKid", "cannot-open")
                .containsEntry("otherAlg", "malformed-seal: recipients[0].header.alg must be ECDH-ES+A256KW");
    }

    private static IssuedKey encryptionKey(String agency) {
        try {
            Path keystore = Hub.DATA.resolve("demo-pki").resolve(agency + ".p12");
            return KeyStores.load(keystore, Hub.DEMO_PASSWORD.toCharArray()).get("encryption");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo network's PEM file of the agency's X25519 key, which only its owner may read. */
    private static String encryptionKeyPem(String agency) {
        Path pem = Hub.DATA.resolve("demo-pki").resolve(agency + "-encryption-key.pem");
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem))).isEqualTo("rw-------");
            return Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("the demo network wrote no " + pem.toAbsolutePath(), e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
