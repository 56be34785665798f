package org.ewn.trust;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Private keys with their certificate chains in a password-protected PKCS#12 file, as OpenSSL 3 writes
 * them: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) for keys and certificates, an HMAC-SHA256 MAC over all.
 * The file is built with bcpkix rather than a JCA KeyStore because Bouncy Castle's keystore types encrypt
 * certificates with AES-128 at best and cannot be told otherwise. The JDK's "PKCS12" keystore and
 * {@code keytool} read the result.
 */
public final class KeyStores {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256: about 0.4 s per entry to save or to load. */
    public static final int ITERATIONS = 600_000;
    /**
     * For files whose password lies next to them anyway (the demo network's), where the work factor would only slow
     * every start and test down.
     */
    public static final int DEMO_ITERATIONS = 10_000;

    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private KeyStores() {
    }

    /** Writes a new file, refusing to replace an existing one. */
    public static void save(Path file, char[] password, Map<String, IssuedKey> entries) throws IOException {
        save(file, password, entries, false);
    }

    public static void save(Path file, char[] password, Map<String, IssuedKey> entries, boolean overwrite)
            throws IOException {
        save(file, password, entries, overwrite, ITERATIONS);
    }

    /** @param iterations the PBKDF2 work factor; loading reads it from the file */
    public static void save(Path file, char[] password, Map<String, IssuedKey> entries, boolean overwrite,
                            int iterations) throws IOException {
        if (password.length == 0) {
            throw new IllegalArgumentException("a key store needs a password");
        }
        if (!overwrite && Files.exists(file)) {
            throw refuseToOverwrite(file);
        }
        writePrivately(file, pfx(password, entries, iterations), overwrite);
    }

    /** The entries in file order, each chain rebuilt from the file's certificates by issuer and signature. */
    public static Map<String, IssuedKey> load(Path file, char[] password) throws IOException {
        PKCS12PfxPdu pfx = parse(file, read(file));
        requireValidMac(file, pfx, password);
        InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder()
                .setProvider(BouncyCastle.PROVIDER).build(password);
        List<PKCS12SafeBag> keyBags = new ArrayList<>();
        List<PKCS12SafeBag> certificateBags = new ArrayList<>();
        try {
            for (ContentInfo content : pfx.getContentInfos()) {
                PKCS12SafeBagFactory bags = content.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(content, decryptor)
                        : new PKCS12SafeBagFactory(content);
                for (PKCS12SafeBag bag : bags.getSafeBags()) {
                    (isKey(bag) ? keyBags : certificateBags).add(bag);
                }
            }
            return entries(keyBags, certificateBags, decryptor);
        } catch (PKCSException | GeneralSecurityException | RuntimeException e) {
            throw new IOException("key store " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static byte[] pfx(char[] password, Map<String, IssuedKey> entries, int iterations) throws IOException {
        try {
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            List<PKCS12SafeBag> certificates = new ArrayList<>();
            List<X509Certificate> written = new ArrayList<>();
            for (Map.Entry<String, IssuedKey> entry : entries.entrySet()) {
                IssuedKey key = entry.getValue();
                ASN1Encodable alias = new DERBMPString(entry.getKey());
                ASN1Encodable localKeyId = new DEROctetString(KeyIds.of(key.certificate().getPublicKey()).getBytes());
                // each key gets an encryptor of its own: one encryptor reused would reuse its key and IV
                pfx.addData(new JcaPKCS12SafeBagBuilder(key.privateKey(), encryptor(password, iterations))
                        .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, alias)
                        .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId)
                        .build());
                certificates.add(new JcaPKCS12SafeBagBuilder(key.certificate())
                        .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, alias)
                        .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId)
                        .build());
                written.add(key.certificate());
                for (X509Certificate issuer : key.chain()) {
                    if (!written.contains(issuer)) {
                        certificates.add(new JcaPKCS12SafeBagBuilder(issuer).build());
                        written.add(issuer);
                    }
                }
            }
            pfx.addEncryptedData(encryptor(password, iterations), certificates.toArray(new PKCS12SafeBag[0]));
            return pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                            .setProvider(BouncyCastle.PROVIDER).setIterationCount(iterations), password)
                    .getEncoded("DER");
        } catch (OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("Bouncy Castle cannot protect a key store: " + e.getMessage(), e);
        }
    }

    /**
     * Through a temporary file readable by its owner only, moved into place, so that a crash leaves
     * either the old file or the new one and no moment where others can read the keys.
     */
    private static void writePrivately(Path file, byte[] content, boolean overwrite) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = ownerOnly(directory)
                ? Files.createTempFile(directory, ".keystore", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".keystore", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            if (overwrite) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temporary, file);
            }
        } catch (FileAlreadyExistsException e) {
            throw refuseToOverwrite(file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean ownerOnly(Path directory) {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static IOException refuseToOverwrite(Path file) {
        return new FileAlreadyExistsException(file.toString(), null,
                "refusing to overwrite the existing key store; move it away or ask to overwrite");
    }

    private static byte[] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no key store at this path");
        }
    }

    private static OutputEncryptor encryptor(char[] password, int iterations) throws OperatorCreationException {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setProvider(BouncyCastle.PROVIDER).setPRF(HMAC_SHA256).setIterationCount(iterations)
                .build(password);
    }

    private static PKCS12PfxPdu parse(Path file, byte[] bytes) throws IOException {
        try {
            return new PKCS12PfxPdu(bytes);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " is not a PKCS#12 key store: " + e.getMessage(), e);
        }
    }

    private static void requireValidMac(Path file, PKCS12PfxPdu pfx, char[] password) throws IOException {
        if (!pfx.hasMac()) {
            throw new IOException("key store " + file + " has no integrity check (MAC); refusing to trust its keys");
        }
        boolean valid;
        try {
            valid = pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(BouncyCastle.PROVIDER),
                    password);
        } catch (PKCSException e) {
            throw new IOException("cannot check the integrity of key store " + file + ": " + e.getMessage(), e);
        }
        if (!valid) {
            throw new IOException("wrong password for key store " + file
                    + " (its integrity check fails: the password is wrong, or the file was altered)");
        }
    }

    private static boolean isKey(PKCS12SafeBag bag) {
        return bag.getType().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)
                || bag.getType().equals(PKCSObjectIdentifiers.keyBag);
    }

    private static Map<String, IssuedKey> entries(List<PKCS12SafeBag> keyBags, List<PKCS12SafeBag> certificateBags,
                                                  InputDecryptorProvider decryptor)
            throws PKCSException, GeneralSecurityException, IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (PKCS12SafeBag bag : certificateBags) {
            if (bag.getType().equals(PKCSObjectIdentifiers.certBag)) {
                certificates.add(NetworkPki.certificate(((X509CertificateHolder) bag.getBagValue()).getEncoded()));
            }
        }
        Map<String, IssuedKey> entries = new LinkedHashMap<>();
        for (PKCS12SafeBag keyBag : keyBags) {
            X509Certificate leaf = leafOf(keyBag, certificateBags, certificates);
            String alias = text(attribute(keyBag, PKCSObjectIdentifiers.pkcs_9_at_friendlyName));
            entries.put(alias == null ? NetworkPki.holder(leaf) : alias,
                    new IssuedKey(privateKey(keyBag, decryptor), leaf, CertificatePath.chainOf(leaf, certificates)));
        }
        return entries;
    }

    private static X509Certificate leafOf(PKCS12SafeBag keyBag, List<PKCS12SafeBag> certificateBags,
                                          List<X509Certificate> certificates) {
        ASN1Encodable keyId = attribute(keyBag, PKCSObjectIdentifiers.pkcs_9_at_localKeyId);
        for (int i = 0; i < certificateBags.size(); i++) {
            if (keyId != null && keyId.equals(attribute(certificateBags.get(i),
                    PKCSObjectIdentifiers.pkcs_9_at_localKeyId))) {
                return certificates.get(i);
            }
        }
        throw new IllegalArgumentException("a private key has no certificate with its local key id");
    }

    private static PrivateKey privateKey(PKCS12SafeBag bag, InputDecryptorProvider decryptor)
            throws PKCSException, IOException {
        PrivateKeyInfo info = bag.getBagValue() instanceof PKCS8EncryptedPrivateKeyInfo
                ? ((PKCS8EncryptedPrivateKeyInfo) bag.getBagValue()).decryptPrivateKeyInfo(decryptor)
                : (PrivateKeyInfo) bag.getBagValue();
        return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPrivateKey(info);
    }

    private static ASN1Encodable attribute(PKCS12SafeBag bag, ASN1ObjectIdentifier type) {
        for (Attribute attribute : bag.getAttributes() == null ? new Attribute[0] : bag.getAttributes()) {
            if (attribute.getAttrType().equals(type)) {
                return attribute.getAttrValues().getObjectAt(0);
            }
        }
        return null;
    }

    private static String text(ASN1Encodable value) {
        return value instanceof ASN1String ? ((ASN1String) value).getString() : null;
    }
}
