package org.ewn.query.directory;

import org.bson.Document;
import org.ewn.trust.Digests;
import org.ewn.trust.NetworkMembership;

import java.security.cert.X509Certificate;
import java.util.Date;

/**
 * What the directory shows of a certificate besides its bytes, read once when an event is projected so that queries
 * never parse DER. Names are RFC 4514 strings; the serial is hex; the fingerprint is SHA-256 (hex) of the DER.
 */
final class CertificateDetails {

    private CertificateDetails() {
    }

    /** The fields {@code certificate, subject, issuer, serial, fingerprint, notBefore, notAfter}. */
    static Document of(String base64Der) {
        X509Certificate certificate = NetworkMembership.certificate(base64Der);
        return new Document("certificate", base64Der)
                .append("subject", certificate.getSubjectX500Principal().getName())
                .append("issuer", certificate.getIssuerX500Principal().getName())
                .append("serial", certificate.getSerialNumber().toString(16))
                .append("fingerprint", Digests.fingerprint(certificate))
                .append("notBefore", Date.from(certificate.getNotBefore().toInstant()))
                .append("notAfter", Date.from(certificate.getNotAfter().toInstant()));
    }
}
