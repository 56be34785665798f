package org.ewn.trust;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Issues the network's certificates: the Council's root CA certifies one CA per member, which certifies
 * its agencies' signing and encryption keys; the hub's and the administrators' keys come from the root.
 * Names are encoded O, OU, CN, so their RFC 4514 form reads {@code CN=KZ-MVD,OU=KZ,O=EWN}.
 */
public final class NetworkPki {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CA_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;
    private static final int SIGNING_USAGE = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

    private NetworkPki() {
    }

    /** The network's self-signed root; path length 1 leaves room for exactly the member CAs. */
    public static IssuedKey root(String network, Instant notBefore, Instant notAfter) {
        X500Name subject = name(network, null, network + " Root CA");
        return issue(null, subject, KeyKind.ED25519.generate(), true, 1, CA_USAGE, notBefore, notAfter);
    }

    public static IssuedKey memberCa(IssuedKey root, String memberCode, String memberName, Instant notBefore,
                                     Instant notAfter) {
        X500Name subject = name(network(root.certificate()), memberCode, memberName + " CA");
        return issue(root, subject, KeyKind.ED25519.generate(), true, 0, CA_USAGE, notBefore, notAfter);
    }

    /** A signing key; the holder's prefix before '-' ("KZ" of "KZ-MVD") is its member. */
    public static IssuedKey signingKey(IssuedKey issuer, String holder, KeyKind kind, Instant notBefore,
                                       Instant notAfter) {
        if (!kind.signs()) {
            throw new IllegalArgumentException(kind + " keys do not sign; issue them with encryptionKey");
        }
        return issue(issuer, endEntityName(issuer, holder), kind.generate(), false, null, SIGNING_USAGE,
                notBefore, notAfter);
    }

    public static IssuedKey encryptionKey(IssuedKey issuer, String holder, Instant notBefore, Instant notAfter) {
        return issue(issuer, endEntityName(issuer, holder), KeyKind.X25519.generate(), false, null,
                KeyUsage.keyAgreement, notBefore, notAfter);
    }

    /**
     * Any certificate, signed with the issuer's Ed25519 key, or self-signed when {@code issuer} is null.
     * Nothing here checks that the result makes sense: tests and the command-line client use it to build
     * deliberately bad certificates. Validity is in whole seconds, as X.509 encodes it.
     *
     * @param pathLength for a CA, how many CAs may follow it; null for no limit
     * @param keyUsageBits {@link KeyUsage} bits, such as {@code KeyUsage.keyCertSign | KeyUsage.cRLSign}
     */
    public static IssuedKey issue(IssuedKey issuer, X500Name subject, KeyPair keys, boolean ca, Integer pathLength,
                                  int keyUsageBits, Instant notBefore, Instant notAfter) {
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("validity must start before it ends: " + notBefore + " / " + notAfter);
        }
        PublicKey issuerKey = issuer == null ? keys.getPublic() : issuer.certificate().getPublicKey();
        if (KeyKind.of(issuerKey) != KeyKind.ED25519) {
            throw new IllegalArgumentException("the network signs certificates with Ed25519, not with a "
                    + KeyKind.of(issuerKey) + " key");
        }
        PrivateKey signingKey = issuer == null ? keys.getPrivate() : issuer.privateKey();
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(
                issuer.certificate().getSubjectX500Principal().getEncoded());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial(),
                    inSeconds(notBefore), inSeconds(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, basicConstraints(ca, pathLength))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsageBits))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(issuer.certificate()));
            }
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(builder.build(signer(signingKey)));
            return new IssuedKey(keys.getPrivate(), certificate, chainBelow(issuer));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    /** Parses one DER certificate, refusing anything else (PEM text, trailing bytes). */
    public static X509Certificate certificate(byte[] der) {
        try {
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(new X509CertificateHolder(der));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a DER-encoded X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** The member code (OU) of the certificate's subject, or null for the root and the hub. */
    public static String member(X509Certificate certificate) {
        return attribute(certificate, BCStyle.OU);
    }

    public static String holder(X509Certificate certificate) {
        return attribute(certificate, BCStyle.CN);
    }

    private static X500Name endEntityName(IssuedKey issuer, String holder) {
        int hyphen = holder.indexOf('-');
        String member = hyphen > 0 ? holder.substring(0, hyphen) : member(issuer.certificate());
        String issuerMember = member(issuer.certificate());
        if (issuerMember != null && !issuerMember.equals(member)) {
            throw new IllegalArgumentException("the CA of " + issuerMember + " cannot certify " + holder
                    + ", which belongs to " + member);
        }
        return name(network(issuer.certificate()), member, holder);
    }

    private static X500Name name(String network, String member, String commonName) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, network);
        if (member != null) {
            name.addRDN(BCStyle.OU, member);
        }
        return name.addRDN(BCStyle.CN, commonName).build();
    }

    private static String network(X509Certificate certificate) {
        return attribute(certificate, BCStyle.O);
    }

    private static String attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String ? ((ASN1String) value).getString() : value.toString();
    }

    private static BasicConstraints basicConstraints(boolean ca, Integer pathLength) {
        if (!ca) {
            return new BasicConstraints(false);
        }
        return pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength);
    }

    /** The issuer's own SKI, so that the link holds even if the issuer computed it another way. */
    private static AuthorityKeyIdentifier authorityKeyId(X509Certificate issuer) throws GeneralSecurityException {
        try {
            SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(
                    new JcaX509CertificateHolder(issuer).getExtensions());
            if (ski != null) {
                return new AuthorityKeyIdentifier(ski.getKeyIdentifier());
            }
            return new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.getPublicKey());
        } catch (CertificateEncodingException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static ContentSigner signer(PrivateKey issuerKey) throws OperatorCreationException {
        return new JcaContentSignerBuilder("Ed25519").setProvider(BouncyCastle.PROVIDER).build(issuerKey);
    }

    /** Random, positive and at most 127 bits, so the DER INTEGER fits RFC 5280's 20 octets with room. */
    private static BigInteger serial() {
        BigInteger serial;
        do {
            serial = new BigInteger(127, RANDOM);
        } while (serial.signum() == 0);
        return serial;
    }

    private static Date inSeconds(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static List<X509Certificate> chainBelow(IssuedKey issuer) {
        if (issuer == null) {
            return List.of();
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issuer.certificate());
        chain.addAll(issuer.chain());
        return chain;
    }
}
