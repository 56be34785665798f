package org.ewn.command.submission;

import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** A certificate's validity period, read once: Bouncy Castle parses the dates again on every read. */
record CertificateValidity(String subject, Instant notBefore, Instant notAfter) {

    static CertificateValidity of(X509Certificate certificate) {
        return new CertificateValidity(certificate.getSubjectX500Principal().getName(),
                                       certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    /** Both ends belong to the period, as in RFC 5280. */
    void check(Instant at) {
        if (at.isBefore(notBefore) || at.isAfter(notAfter)) {
            throw new TrustException(TrustFailure.EXPIRED_CERTIFICATE, "Certificate " + subject + " is valid from "
                    + notBefore + " to " + notAfter + ", not at the signing time " + at + "; enrol a current certificate");
        }
    }
}
