package org.ewn.deploy.cli;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.ewn.trust.Digests;
import org.ewn.trust.NetworkPki;

import java.security.cert.X509Certificate;
import java.util.Base64;

/** The ways a certificate is named and passed around: its subject, fingerprint, and base64 DER for bodies. */
final class Certificates {

    private Certificates() {
    }

    /** SHA-256 (hex) over the DER: what the hub is configured with as {@code ewn.trust.root-fingerprint}. */
    static String fingerprint(X509Certificate certificate) {
        return Digests.fingerprint(certificate);
    }

    /** Base64 (standard alphabet) of the DER, as submission bodies carry certificates. */
    static String base64(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(NetworkPki.der(certificate));
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName();
    }

    /** The network (O) a certificate of this PKI belongs to. */
    static String network(X509Certificate certificate) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.O);
        if (rdns.length == 0) {
            throw new CliFailure("certificate " + subject(certificate) + " names no network (O)");
        }
        var value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String ? ((ASN1String) value).getString() : value.toString();
    }
}
