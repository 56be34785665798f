package org.ewn.trust;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Certificates and private keys as PEM text, for files that people pass around: the root certificate
 * members install, a chain to paste into a configuration. A PEM private key is not encrypted, so keep
 * keys in a {@link KeyStores} file unless something else protects them.
 */
public final class Pem {

    private Pem() {
    }

    public static String writeCertificates(List<X509Certificate> certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : certificates) {
                pem.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Every certificate in the text, in order; anything else in it is refused. */
    public static List<X509Certificate> readCertificates(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser pem = new PEMParser(new StringReader(text))) {
            for (Object object = pem.readObject(); object != null; object = pem.readObject()) {
                if (!(object instanceof X509CertificateHolder)) {
                    throw new IllegalArgumentException("expected only certificates in the PEM text, found a "
                            + object.getClass().getSimpleName());
                }
                certificates.add(NetworkPki.certificate(((X509CertificateHolder) object).getEncoded()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not readable as PEM: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no CERTIFICATE block in the PEM text");
        }
        return certificates;
    }

    /** PKCS#8 ("PRIVATE KEY") for every kind; BC would otherwise write P-256 keys in OpenSSL's EC format. */
    public static String writePrivateKey(PrivateKey key) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Reads an unencrypted PKCS#8 key, or an EC key in OpenSSL's own format. */
    public static PrivateKey readPrivateKey(String text) {
        try (PEMParser pem = new PEMParser(new StringReader(text))) {
            Object object = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER);
            if (object instanceof PrivateKeyInfo) {
                return converter.getPrivateKey((PrivateKeyInfo) object);
            }
            if (object instanceof PEMKeyPair) {
                return converter.getPrivateKey(((PEMKeyPair) object).getPrivateKeyInfo());
            }
            throw new IllegalArgumentException("expected an unencrypted PRIVATE KEY block, found "
                    + (object == null ? "nothing" : "a " + object.getClass().getSimpleName()));
        } catch (IOException e) {
            throw new IllegalArgumentException("not readable as PEM: " + e.getMessage(), e);
        }
    }
}
