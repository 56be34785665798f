package org.ewn.trust;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KeyStoresTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2035-01-01T00:00:00Z");
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final Map<String, IssuedKey> ENTRIES = new LinkedHashMap<>();
    private static final ASN1ObjectIdentifier PKCS12_PBE = PKCSObjectIdentifiers.pkcs_12PbeIds;
    private static final ASN1ObjectIdentifier DES_EDE3_CBC = PKCSObjectIdentifiers.des_EDE3_CBC;
    private static final ASN1ObjectIdentifier RC2_CBC = PKCSObjectIdentifiers.RC2_CBC;

    /** Written once: at 600,000 PBKDF2 iterations per key, every save and load takes a while. */
    @TempDir
    static Path shared;
    private static Path network;

    @TempDir
    Path directory;

    @BeforeAll
    static void network() throws IOException {
        IssuedKey root = NetworkPki.root("EWN", START, END);
        IssuedKey kazakhstan = NetworkPki.memberCa(root, "KZ", "Kazakhstan", START, END);
        ENTRIES.put("root", root);
        ENTRIES.put("kz-ca", kazakhstan);
        ENTRIES.put("kz-mvd-signing", NetworkPki.signingKey(kazakhstan, "KZ-MVD", KeyKind.ED25519, START, END));
        ENTRIES.put("kz-knb-signing", NetworkPki.signingKey(kazakhstan, "KZ-KNB", KeyKind.P256, START, END));
        ENTRIES.put("kz-mvd-encryption", NetworkPki.encryptionKey(kazakhstan, "KZ-MVD", START, END));
        network = shared.resolve("network.p12");
        KeyStores.save(network, PASSWORD, ENTRIES);
    }

    @Test
    void keepsEveryKindOfKeyWithItsChainInFileOrder() throws Exception {
        Map<String, IssuedKey> loaded = KeyStores.load(network, PASSWORD);

        assertThat(loaded.keySet()).containsExactly("root", "kz-ca", "kz-mvd-signing", "kz-knb-signing",
                "kz-mvd-encryption");
        for (Map.Entry<String, IssuedKey> entry : ENTRIES.entrySet()) {
            IssuedKey saved = entry.getValue();
            IssuedKey read = loaded.get(entry.getKey());
            assertThat(read.certificate()).isEqualTo(saved.certificate());
            assertThat(read.chain()).isEqualTo(saved.chain());
            assertThat(read.privateKey().getEncoded()).isEqualTo(saved.privateKey().getEncoded());
        }
        assertThat(signsAndVerifies("Ed25519", loaded.get("kz-mvd-signing"))).isTrue();
        assertThat(signsAndVerifies("SHA256withECDSA", loaded.get("kz-knb-signing"))).isTrue();
        assertThat(KeyKind.of(loaded.get("kz-mvd-encryption").certificate().getPublicKey())).isEqualTo(KeyKind.X25519);
    }

    @Test
    void aWrongPasswordIsCalledThat() throws Exception {
        Path file = directory.resolve("kz.p12");
        KeyStores.save(file, PASSWORD, Map.of("kz-ca", ENTRIES.get("kz-ca")));

        assertThatThrownBy(() -> KeyStores.load(file, "Tr0ub4dor&3".toCharArray()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("wrong password")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = directory.resolve("nowhere.p12");

        assertThatThrownBy(() -> KeyStores.load(file, PASSWORD))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no key store");
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws Exception {
        Path file = directory.resolve("kz.p12");
        KeyStores.save(file, PASSWORD, Map.of("kz-ca", ENTRIES.get("kz-ca")));
        byte[] first = Files.readAllBytes(file);

        assertThatThrownBy(() -> KeyStores.save(file, PASSWORD, Map.of("root", ENTRIES.get("root"))))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("refusing to overwrite")
                .hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(first);

        KeyStores.save(file, PASSWORD, Map.of("root", ENTRIES.get("root")), true);
        assertThat(KeyStores.load(file, PASSWORD)).containsOnlyKeys("root");
        try (var leftovers = Files.list(directory)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void onlyTheOwnerMayReadOrWriteTheFile() throws Exception {
        assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = directory.resolve("kz.p12");

        KeyStores.save(file, PASSWORD, Map.of("kz-ca", ENTRIES.get("kz-ca")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeyStores.save(file, PASSWORD, Map.of("kz-ca", ENTRIES.get("kz-ca")), true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void protectsKeysAndCertificatesWithPbes2Aes256AndMacsWithHmacSha256() throws Exception {
        Pfx pfx = Pfx.getInstance(Files.readAllBytes(network));

        List<AlgorithmIdentifier> encryptions = new ArrayList<>();
        for (ContentInfo content : contentInfos(pfx)) {
            if (content.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                encryptions.add(EncryptedData.getInstance(content.getContent()).getEncryptionAlgorithm());
            } else {
                for (ASN1Encodable bag : ASN1Sequence.getInstance(octets(content.getContent()))) {
                    SafeBag safeBag = SafeBag.getInstance(bag);
                    assertThat(safeBag.getBagId()).isEqualTo(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag);
                    encryptions.add(EncryptedPrivateKeyInfo.getInstance(safeBag.getBagValue()).getEncryptionAlgorithm());
                }
            }
        }

        assertThat(encryptions).hasSize(ENTRIES.size() + 1).allSatisfy(algorithm -> {
            assertThat(algorithm.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
            PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
            assertThat(pbes2.getKeyDerivationFunc().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBKDF2);
            PBKDF2Params pbkdf2 = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
            assertThat(pbkdf2.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
            assertThat(pbkdf2.getIterationCount().intValue()).isGreaterThanOrEqualTo(600_000);
            assertThat(pbes2.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
        });
        assertThat(pfx.getMacData().getMac().getAlgorithmId().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(pfx.getMacData().getIterationCount().intValue()).isGreaterThanOrEqualTo(600_000);
        assertThat(oidsIn(pfx.toASN1Primitive())).noneMatch(oid -> oid.on(PKCS12_PBE)
                || oid.equals(DES_EDE3_CBC) || oid.equals(RC2_CBC));
    }

    @Test
    void theJdkKeyStoreReadsTheFile() throws Exception {
        KeyStore jdk = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(network)) {
            jdk.load(in, PASSWORD);
        }
        IssuedKey signing = ENTRIES.get("kz-mvd-signing");

        assertThat(jdk.getCertificateChain("kz-mvd-signing")).containsExactly(signing.certificate(),
                ENTRIES.get("kz-ca").certificate(), ENTRIES.get("root").certificate());
        assertThat(jdk.getKey("kz-mvd-encryption", PASSWORD).getAlgorithm()).isIn("XDH", "X25519");
        Signature jdkSigner = Signature.getInstance("Ed25519");
        jdkSigner.initSign((PrivateKey) jdk.getKey("kz-mvd-signing", PASSWORD));
        jdkSigner.update("alert".getBytes());
        Signature verifier = Signature.getInstance("Ed25519", BouncyCastle.PROVIDER);
        verifier.initVerify(signing.certificate().getPublicKey());
        verifier.update("alert".getBytes());
        assertThat(verifier.verify(jdkSigner.sign())).isTrue();
    }

    @Test
    void privateKeysSurvivePem() {
        for (IssuedKey key : ENTRIES.values()) {
            String pem = Pem.writePrivateKey(key.privateKey());

            assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(Pem.readPrivateKey(pem).getEncoded()).isEqualTo(key.privateKey().getEncoded());
        }
    }

    private static List<ContentInfo> contentInfos(Pfx pfx) {
        List<ContentInfo> contents = new ArrayList<>();
        for (ASN1Encodable content : ASN1Sequence.getInstance(octets(pfx.getAuthSafe().getContent()))) {
            contents.add(ContentInfo.getInstance(content));
        }
        return contents;
    }

    private static byte[] octets(ASN1Encodable content) {
        return ASN1OctetString.getInstance(content).getOctets();
    }

    /** Every OID of the structure, looking inside OCTET STRINGs that hold DER as PKCS#12 nests it. */
    private static List<ASN1ObjectIdentifier> oidsIn(ASN1Primitive primitive) {
        List<ASN1ObjectIdentifier> oids = new ArrayList<>();
        if (primitive instanceof ASN1ObjectIdentifier) {
            oids.add((ASN1ObjectIdentifier) primitive);
        } else if (primitive instanceof ASN1Sequence) {
            for (ASN1Encodable element : (ASN1Sequence) primitive) {
                oids.addAll(oidsIn(element.toASN1Primitive()));
            }
        } else if (primitive instanceof org.bouncycastle.asn1.ASN1Set) {
            for (ASN1Encodable element : (org.bouncycastle.asn1.ASN1Set) primitive) {
                oids.addAll(oidsIn(element.toASN1Primitive()));
            }
        } else if (primitive instanceof ASN1TaggedObject) {
            oids.addAll(oidsIn(((ASN1TaggedObject) primitive).getBaseObject().toASN1Primitive()));
        } else if (primitive instanceof ASN1OctetString) {
            try {
                oids.addAll(oidsIn(ASN1Primitive.fromByteArray(((ASN1OctetString) primitive).getOctets())));
            } catch (IOException | RuntimeException notDer) {
                // ciphertext, a MAC or a salt
            }
        }
        return oids;
    }

    private static boolean signsAndVerifies(String algorithm, IssuedKey key) throws Exception {
        Signature signer = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
        signer.initSign(key.privateKey());
        signer.update("alert".getBytes());
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
        verifier.initVerify(key.certificate().getPublicKey());
        verifier.update("alert".getBytes());
        return verifier.verify(signature);
    }
}
